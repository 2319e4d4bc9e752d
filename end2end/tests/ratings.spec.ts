import { expect, test, type Page } from "@playwright/test";
import { GOOD_ID, act, expectAccessibleInBothModes, fillApplicant, hydrated, officerPage, openCase, readReceipt, signIn } from "./helpers";

/** Files an information request at 发改委 and returns its receipt. */
async function fileRequest(page: Page, subject: string) {
  await page.goto("/apply/info");
  await fillApplicant(page, "赵六", GOOD_ID);
  await page.locator("#f-unit_id").selectOption({ label: "青山县发展和改革委员会" });
  await page.locator("#f-subject").fill(subject);
  await page.getByTestId("submit-application").click();
  await expect(page).toHaveURL(/\/apply\/receipt\//);
  return readReceipt(page);
}

for (const js of [false, true]) {
  test(`a finished case is rated 非常不满意, rectified by the unit and rated again (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const a11y = js ? expectAccessibleInBothModes : async (_page: Page, _label: string) => {};
    const citizen = await (await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN", viewport: { width: 360, height: 740 } })).newPage();
    const comment = `窗口答复比约定晚了三天${js ? "（甲）" : "（乙）"}`;
    const { tracking, lookup } = await fileRequest(citizen, "2026 年县级政府投资项目计划");

    // Not before the case is finished.
    await citizen.goto(lookup);
    await expect(citizen.getByTestId("rate-form")).toHaveCount(0);
    const officer = await officerPage(browser, js);
    await openCase(officer, tracking);
    await act(officer, "answer", { type: "disclosed", note: "计划文件见附件。" });
    await expect(officer.getByTestId("status")).toHaveText("已答复");

    // A 差评 needs its reason next to the field; then it is saved, once.
    await citizen.goto(lookup);
    if (js) await hydrated(citizen);
    await a11y(citizen, "lookup with the rating form");
    const form = citizen.getByTestId("rate-form");
    await form.getByLabel("非常不满意", { exact: true }).check();
    await form.getByTestId("submit-rating").click();
    await expect(citizen.locator("#f-comment-error")).toContainText("请简要说明不满意的原因");
    await expect(citizen.getByLabel("非常不满意", { exact: true })).toBeChecked();
    await citizen.locator("#f-comment").fill(comment);
    await citizen.getByTestId("submit-rating").click();
    if (js) await expect(citizen.getByTestId("rating-saved")).toBeVisible();
    await citizen.goto(lookup);
    await expect(citizen.getByTestId("given-rating")).toContainText("非常不满意");
    await expect(citizen.getByTestId("rectification")).toContainText("待整改");
    await expect(citizen.getByTestId("rate-form")).toHaveCount(0);

    // The unit sees it with its due date and answers.
    await officer.goto("/admin/ratings");
    const item = officer.getByTestId("staff-rating").filter({ hasText: tracking });
    await expect(item).toContainText("待整改");
    await expect(item).toContainText(/整改期限 \d{4}-\d{2}-\d{2}/);
    if (js) await hydrated(officer);
    await a11y(officer, "staff ratings");
    const respond = item.locator('form[data-action="respond"]');
    await respond.locator("textarea[name=explanation]").fill("答复前需与财政局会商，未及时告知申请人。");
    await respond.locator("textarea[name=remedy]").fill("已建立超期预警，提前告知办理进度。");
    await respond.locator("textarea[name=callback]").fill("已电话回访，申请人表示理解。");
    await respond.getByRole("button").click();
    await expect(officer.getByTestId("staff-rating").filter({ hasText: tracking })).toContainText("已整改，待再评价");

    // The citizen reads the reply and rates again; the public page counts the second rating.
    await citizen.goto(lookup);
    await expect(citizen.getByTestId("rectification")).toContainText("已建立超期预警");
    await citizen.getByLabel("满意", { exact: true }).check();
    await citizen.getByTestId("submit-rerating").click();
    // Wait for the rating to be stored (the form gives way) before reading the page again.
    await expect(citizen.getByTestId("submit-rerating")).toHaveCount(0);
    await citizen.goto(lookup);
    await expect(citizen.getByTestId("rectification")).toContainText("整改后再评价: 满意");

    await citizen.goto("/ratings");
    await expect(citizen.getByTestId("good-rate")).toHaveText(/^\d+\.\d%$/);
    await expect(citizen.getByTestId("unit-ranking")).toContainText("发展和改革委员会");
    await expect(citizen.getByTestId("public-comments")).toContainText(comment);
    await expect(citizen.getByTestId("public-comments")).toContainText("已建立超期预警");
    await expect(citizen.locator("main")).not.toContainText("赵六");
    if (js) await hydrated(citizen);
    await a11y(citizen, "public ratings");
    await officer.context().close();
    await citizen.context().close();
  });
}

test("evaluators read the monthly trend and the units of concern, and export the ratings", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signIn(page, "evaluator");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "好差评与整改" }).click();
  await page.getByRole("link", { name: "好差评分析" }).click();
  await expect(page).toHaveURL(/\/admin\/ratings\/dashboard$/);
  await expect(page.getByTestId("monthly-table").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByTestId("concerns")).toContainText("局");
  const csv = await page.request.get("/admin/ratings/export.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("渠道,编号,单位");
  await expect(page.getByTestId("officer-ranking")).toContainText("（");
  await hydrated(page);
  await expectAccessibleInBothModes(page, "ratings dashboard");
  await page.context().close();
});

for (const js of [false, true]) {
  test(`an evaluator opens a window campaign and a citizen rates a visit once from the slip's link (${js ? "with" : "without"} JavaScript)`, async ({ browser }, testInfo) => {
    const a11y = js ? expectAccessibleInBothModes : async (_page: Page, _label: string) => {};
    const evaluator = await (await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN" })).newPage();
    await signIn(evaluator, "evaluator");
    await expect(evaluator).toHaveURL(/\/admin$/);
    await evaluator.getByRole("link", { name: "窗口评价活动" }).click();
    await expect(evaluator).toHaveURL(/\/admin\/ratings\/campaigns$/);
    if (js) await hydrated(evaluator);
    const title = `不动产登记窗口评价（${testInfo.project.name}${js ? "甲" : "乙"}）`;
    // Nothing chosen: the unit's message shows next to its field and the title stays.
    await evaluator.locator("#f-title").fill(title);
    await evaluator.getByTestId("create-campaign").click();
    await expect(evaluator.locator("#f-unit-error")).toContainText("请选择");
    await expect(evaluator.locator("#f-title")).toHaveValue(title);
    await evaluator.locator("#f-unit").selectOption({ label: "青山县发展和改革委员会" });
    await evaluator.locator("#f-place").fill("5号窗口");
    await evaluator.getByTestId("create-campaign").click();
    await expect(evaluator).toHaveURL(/\/admin\/ratings\/campaigns\/\d+$/);
    await expect(evaluator.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(evaluator.locator("svg").first()).toBeVisible();
    if (js) await hydrated(evaluator);
    await evaluator.locator("#f-count").fill("3");
    await evaluator.getByTestId("make-visits").click();
    await expect(evaluator.getByTestId("unused-visits")).toHaveText("3");
    await a11y(evaluator, "campaign page");
    const link = new URL((await evaluator.getByTestId("campaign-link").textContent()) ?? "");
    await evaluator.getByTestId("print-slips").click();
    await expect(evaluator.getByTestId("slip-code")).toHaveCount(3);
    const code = ((await evaluator.getByTestId("slip-code").first().textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The citizen scans the slip: the code is filled in.
    const citizen = await (await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN", viewport: { width: 360, height: 740 } })).newPage();
    await citizen.goto(`${link.pathname}?v=${code.replace("-", "")}`);
    await expect(citizen.getByTestId("window-about")).toContainText("5号窗口");
    await expect(citizen.locator("#f-visit")).toHaveValue(code.replace("-", ""));
    if (js) await hydrated(citizen);
    await a11y(citizen, "window rating form");
    const form = citizen.getByTestId("window-rate-form");
    await form.getByLabel("非常满意", { exact: true }).check();
    await form.getByTestId("submit-window-rating").click();
    await expect(citizen.getByTestId("window-rating-saved")).toBeVisible();

    // The same slip again: refused next to the code, the choice kept.
    await citizen.goto(`${link.pathname}?v=${code}`);
    if (js) await hydrated(citizen);
    await citizen.getByLabel("满意", { exact: true }).check();
    await citizen.getByTestId("submit-window-rating").click();
    await expect(citizen.locator("#f-visit-error")).toContainText("该评价码已使用");
    await expect(citizen.getByLabel("满意", { exact: true })).toBeChecked();

    await evaluator.goto("/admin/ratings/campaigns");
    await expect(evaluator.getByTestId("campaign-list").locator("tr").filter({ hasText: title })).toContainText("1 / 3");
    await evaluator.context().close();
    await citizen.context().close();
  });
}
