import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessibleInBothModes, hydrated, signIn } from "./helpers";

async function citizen(browser: Browser, js = true) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN", viewport: { width: 360, height: 740 } });
  return ctx.newPage();
}

/** Adds a question through the builder's form and waits until it is listed. */
async function addQuestion(page: Page, fields: Record<string, string>, checks: string[] = []) {
  const list = page.getByTestId("admin-questions").locator("li");
  const before = await list.count();
  const form = page.getByTestId("question-form");
  await form.locator("#f-kind").selectOption(fields.kind);
  for (const [name, value] of Object.entries(fields)) {
    if (name !== "kind") await form.locator(`#f-${name}`).fill(value);
  }
  for (const name of checks) await form.locator(`#f-${name}`).check();
  await form.getByTestId("add-question").click();
  await expect(list).toHaveCount(before + 1);
}

const group = (page: Page, title: string) => page.getByRole("group", { name: new RegExp(title) });

/** Answers the five hand-made questions: a source, two wishes, the matrix and a comment. */
async function answer(page: Page, source: string, wishes: string[], matrix: [string, string], comment = "") {
  await group(page, "您从哪里获取政务信息").getByRole("radio", { name: source, exact: true }).check();
  for (const w of wishes) await group(page, "您希望加强哪些公开").getByRole("checkbox", { name: w }).check();
  await group(page, "总体满意度").getByRole("radio", { name: /^4/ }).check();
  await page.getByRole("radiogroup", { name: "网站" }).getByRole("radio", { name: new RegExp(`^${matrix[0]}`) }).check();
  await page.getByRole("radiogroup", { name: "热线" }).getByRole("radio", { name: new RegExp(`^${matrix[1]}`) }).check();
  if (comment) await group(page, "其他意见建议").locator("textarea").fill(comment);
}

test("an evaluator builds a survey, three citizens answer on phones (one without JavaScript), results and exports add up", async ({ browser }) => {
  // Four people, a dozen pages and eight accessibility checks: more than a minute on two cores.
  test.setTimeout(150_000);
  const title = `政务公开满意度测评 ${Date.now() % 1000000}`;
  const ev = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signIn(ev, "evaluator");
  await expect(ev).toHaveURL(/\/admin$/);
  await ev.getByRole("link", { name: "网上调查管理" }).click();
  await expect(ev).toHaveURL(/\/admin\/surveys$/);
  await hydrated(ev);

  // From the template, plus one question of each kind.
  await ev.locator("#f-title").fill(title);
  await ev.locator("#f-audience").fill("全县居民");
  await expect(ev.locator("#f-template")).toBeChecked();
  await ev.getByTestId("create-survey").click();
  await expect(ev).toHaveURL(/\/admin\/surveys\/\d+$/);
  const id = ev.url().split("/").pop()!;
  await expect(ev.getByTestId("admin-questions").locator("li")).toHaveCount(12);
  await addQuestion(ev, { kind: "single", text: "您从哪里获取政务信息", options: "政府网站\n政务微信\n报纸" }, ["required", "other"]);
  await addQuestion(ev, { kind: "multiple", text: "您希望加强哪些公开", options: "财政预决算\n重大项目\n行政执法", min: "1", max: "2" });
  await addQuestion(ev, { kind: "scale", text: "总体满意度", points: "5", low: "很不满意", high: "很满意" });
  await addQuestion(ev, { kind: "matrix", text: "请评价以下渠道", rows: "网站\n热线", points: "3" });
  await addQuestion(ev, { kind: "text", text: "其他意见建议", max_len: "200" });
  // A refused question keeps what was typed and says why, next to the field.
  await ev.getByTestId("question-form").locator("#f-kind").selectOption("single");
  await ev.getByTestId("question-form").locator("#f-text").fill("只有一个选项");
  await ev.getByTestId("question-form").locator("#f-options").fill("是");
  await ev.getByTestId("add-question").click();
  await expect(ev.locator("#f-options-error")).toContainText("至少填写两个选项");
  await expect(ev.getByTestId("admin-questions").locator("li")).toHaveCount(17);
  await ev.getByTestId("survey-publish").click();
  await expect(ev.getByTestId("survey-phase").first()).toHaveText("进行中");
  await expectAccessibleInBothModes(ev, "survey builder");

  // Citizen 1, with JavaScript: progress survives a reload; the second answer is refused politely.
  const one = await citizen(browser);
  await one.goto("/surveys");
  await one.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "参加调查" }).click();
  await expect(one).toHaveURL(new RegExp(`/surveys/${id}$`));
  await hydrated(one);
  await expect(one.getByText("城市建设")).toBeVisible();
  await expectAccessibleInBothModes(one, "survey form");
  await hydrated(one);
  await answer(one, "政府网站", ["财政预决算", "重大项目"], ["3", "2"], "希望多公开项目进度");
  await one.reload();
  await hydrated(one);
  await expect(group(one, "您从哪里获取政务信息").getByRole("radio", { name: "政府网站" })).toBeChecked();
  await expect(group(one, "其他意见建议").locator("textarea")).toHaveValue("希望多公开项目进度");
  await one.getByTestId("submit-survey").click();
  await expect(one.getByTestId("survey-thanks")).toBeVisible();
  await one.goto(`/surveys/${id}`);
  await expect(one.getByTestId("already-answered")).toBeVisible();

  // Citizen 2, without JavaScript: a required question left out is named next to it, the rest kept.
  const two = await citizen(browser, false);
  await two.goto(`/surveys/${id}`);
  await group(two, "您希望加强哪些公开").getByRole("checkbox", { name: "重大项目" }).check();
  await two.getByRole("radiogroup", { name: "网站" }).getByRole("radio", { name: /^1/ }).check();
  await two.getByTestId("submit-survey").click();
  await expect(two).toHaveURL(/draft=/);
  await expect(group(two, "您从哪里获取政务信息")).toContainText("本题为必答题");
  await expect(group(two, "您希望加强哪些公开").getByRole("checkbox", { name: "重大项目" })).toBeChecked();
  await group(two, "您从哪里获取政务信息").getByRole("radio", { name: "政务微信" }).check();
  await two.getByTestId("submit-survey").click();
  await expect(two.getByTestId("survey-thanks")).toBeVisible();

  // Citizen 3 chooses "other" and specifies it.
  const three = await citizen(browser);
  await three.goto(`/surveys/${id}`);
  await hydrated(three);
  await group(three, "您从哪里获取政务信息").getByRole("radio", { name: "其他" }).check();
  await group(three, "您从哪里获取政务信息").getByPlaceholder("其他，请注明").fill("社区公告栏");
  await group(three, "您希望加强哪些公开").getByRole("checkbox", { name: "重大项目" }).check();
  await three.getByRole("radiogroup", { name: "热线" }).getByRole("radio", { name: /^3/ }).check();
  await three.getByTestId("submit-survey").click();
  await expect(three.getByTestId("survey-thanks")).toBeVisible();

  // Results are published after closing.
  await ev.reload();
  await expect(ev.getByTestId("admin-responses")).toHaveText("3");
  await hydrated(ev);
  await ev.getByTestId("survey-close").click();
  await expect(ev.getByTestId("survey-phase").first()).toHaveText("已结束");
  await three.goto(`/surveys/${id}/results`);
  await expect(three.getByTestId("survey-responses")).toHaveText("3");
  const result = (q: string) => three.getByTestId("survey-result").filter({ hasText: q });
  await expect(result("您从哪里获取政务信息").getByTestId("answered")).toHaveText("3");
  await expect(result("您从哪里获取政务信息").locator("tbody tr").filter({ hasText: "政府网站" })).toContainText("33.3%");
  await expect(result("您希望加强哪些公开").locator("tbody tr").filter({ hasText: "重大项目" })).toContainText("100.0%");
  await expect(result("请评价以下渠道").locator("tbody tr").filter({ hasText: "网站" }).locator("td").first()).toHaveText("1");
  await expect(result("您从哪里获取政务信息").locator("svg")).toBeVisible();
  await expect(three.getByText("希望多公开项目进度")).toHaveCount(0);
  await expectAccessibleInBothModes(three, "survey results");

  // The exports hold every response.
  const csv = await ev.request.get(`/admin/surveys/${id}/responses.csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.trim().split("\n")).toHaveLength(4);
  expect(text).toContain("其他：社区公告栏");
  expect(text).toContain("希望多公开项目进度");
  const xlsx = await ev.request.get(`/admin/surveys/${id}/responses.xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
});
