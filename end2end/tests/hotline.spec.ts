import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessibleInBothModes, hydrated, readReceipt, signIn } from "./helpers";

/** A signed-in staff member in a browser context of their own; `today` moves their calendar. */
async function staffPage(browser: Browser, user: string, baseURL: string, today?: string) {
  const ctx = await browser.newContext({ locale: "zh-CN" });
  if (today) await ctx.addCookies([{ name: "gk_test_today", value: today, url: baseURL }]);
  const page = await ctx.newPage();
  await signIn(page, user);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

async function openLetter(page: Page, tracking: string) {
  await page.goto("/admin/letters");
  await page.getByRole("link", { name: tracking }).click();
  await expect(page.getByTestId("tracking")).toHaveText(tracking);
}

/** Fills the letter form; `subject` marks the letter so the test finds it again. */
async function fillLetter(page: Page, subject: string) {
  await page.getByRole("radio", { name: "投诉", exact: true }).check();
  await page.locator("#f-subject").fill(subject);
  await page.locator("#f-content").fill("幸福路夜市油烟很大，持续到凌晨，请有关部门处理。联系电话 13800138000。");
  await page.locator("#f-location").fill("幸福路与人民路交叉口");
  await page.locator("#f-name").fill("王秀英");
  await page.locator("#f-phone").fill("13800138000");
}

function dayBefore(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function receivedThisMonth(page: Page) {
  await page.goto("/hotline/stats");
  return Number(await page.getByTestId("stat-received").textContent());
}

test("a public complaint is routed, reminded, answered, sent back as unsatisfied, answered again and published", async ({ browser, baseURL }) => {
  const citizen = await (await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 740 } })).newPage();
  const subject = `夜市油烟扰民 ${Date.now() % 100000}`;
  const before = await receivedThisMonth(citizen);

  // The citizen writes: a missing field is named next to it, then the letter goes through.
  await citizen.goto("/hotline");
  await expectAccessibleInBothModes(citizen, "hotline");
  await citizen.getByTestId("write-letter").click();
  await expect(citizen).toHaveURL(/\/hotline\/write$/);
  await hydrated(citizen);
  await expectAccessibleInBothModes(citizen, "letter form");
  await fillLetter(citizen, subject);
  await citizen.locator("#f-name").fill("");
  await citizen.getByTestId("submit-letter").click();
  await expect(citizen.locator("#f-name-error")).toContainText("必填");
  await citizen.locator("#f-name").fill("王秀英");
  await citizen.locator("#f-public_ok").check();
  await citizen.getByTestId("submit-letter").click();
  await expect(citizen).toHaveURL(/\/hotline\/receipt\//);
  const { tracking, code, lookup } = await readReceipt(citizen);
  expect(code).toMatch(/^[0-9A-Z]{10}$/);

  // The desk routes it to 发改委.
  const desk = await staffPage(browser, "desk", baseURL!);
  await openLetter(desk, tracking);
  const route = desk.locator('form[data-action="route"]');
  const unit = await route.locator("option", { hasText: "发展和改革委员会" }).first().getAttribute("value");
  await route.locator("select").selectOption(unit!);
  await route.locator("textarea").fill("请核实处理并按时答复。");
  await route.getByRole("button").click();
  await expect(desk.getByTestId("route")).toContainText("发展和改革委员会");
  const due = (await desk.getByTestId("due-on").textContent())!.trim();

  // The unit opens it the day before it is due: the sweep has sent a reminder (催办).
  const officer = await staffPage(browser, "officer.fgw", baseURL!, dayBefore(due));
  await openLetter(officer, tracking);
  await expect(officer.getByTestId("card-yellow").first()).toBeVisible();
  await expect(officer.locator('[data-step="reminded"]')).toHaveCount(1);
  await expect(officer.getByText("13800138000").first()).toBeVisible();
  const answer = async (text: string) => {
    const form = officer.locator('form[data-action^="answer-"]');
    await form.locator("textarea").fill(text);
    await form.getByRole("button").click();
    await expect(officer.getByTestId("letter-status")).toHaveText("已答复");
  };
  await answer("已责令摊点安装油烟净化设备。");

  // The writer is unsatisfied and says why; the letter goes back to the unit.
  await citizen.goto(lookup);
  await hydrated(citizen);
  await expect(citizen.getByTestId("letter-status")).toHaveText("已答复");
  await expect(citizen.getByTestId("reply")).toContainText("油烟净化设备");
  await expect(citizen.locator('[data-step="reminded"]')).toHaveCount(0);
  await expectAccessibleInBothModes(citizen, "letter on the lookup page");
  await citizen.goto(lookup);
  await hydrated(citizen);
  await citizen.getByRole("radio", { name: "不满意", exact: true }).check();
  await citizen.getByTestId("rate-letter").click();
  await expect(citizen.locator("#f-reason-error")).toContainText("请说明理由");
  await citizen.locator("#f-reason").fill("油烟依旧，晚上还是无法开窗。");
  await citizen.getByTestId("rate-letter").click();
  await expect(citizen.getByTestId("letter-rated")).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByTestId("letter-status")).toHaveText("办理中");

  // Answered again; this time the writer is satisfied and the letter closes.
  await officer.reload();
  await answer("已将夜市经营时间调整为22时前结束，并安排每晚巡查。");
  await citizen.reload();
  await hydrated(citizen);
  await citizen.getByRole("radio", { name: "满意", exact: true }).check();
  await citizen.getByTestId("rate-letter").click();
  await expect(citizen.getByTestId("letter-rated")).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByTestId("letter-status")).toHaveText("已办结");

  // Published with the reply, without the writer's name or phone; counted in the statistics.
  await citizen.goto(`/hotline?q=${encodeURIComponent(subject)}`);
  const published = citizen.getByTestId("public-letter").filter({ hasText: subject });
  await expect(published).toHaveCount(1);
  await expect(published).toContainText("22时前结束");
  await expect(published).not.toContainText("13800138000");
  await expect(published).not.toContainText("王秀英");
  expect(await receivedThisMonth(citizen)).toBeGreaterThanOrEqual(before + 1);
  await expectAccessibleInBothModes(citizen, "letter statistics");
});

test("without JavaScript a refused letter comes back with what was typed and the errors next to the fields, and a photo goes with it", async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", viewport: { width: 360, height: 740 } })).newPage();
  await page.goto("/hotline/write");
  await fillLetter(page, "公交站台缺少遮雨棚");
  await page.locator("#f-phone").fill("12345");
  await page.getByTestId("submit-letter").click();
  await expect(page).toHaveURL(/\/hotline\/write\?draft=/);
  await expect(page.locator("#f-phone-error")).toContainText("手机号");
  await expect(page.locator("#f-subject")).toHaveValue("公交站台缺少遮雨棚");
  await expect(page.getByRole("radio", { name: "投诉", exact: true })).toBeChecked();
  await page.locator("#f-phone").fill("13800138000");
  // A photo of the place goes with the letter; what was typed survives the upload.
  await page.locator("#f-file").setInputFiles({ name: "站台照片.png", mimeType: "image/png", buffer: Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1") });
  await page.getByTestId("upload-material").click();
  await expect(page.getByTestId("staged-files")).toContainText("站台照片.png");
  await expect(page.locator("#f-phone")).toHaveValue("13800138000");
  await page.getByTestId("submit-letter").click();
  await expect(page).toHaveURL(/\/hotline\/receipt\//);
  const { tracking } = await readReceipt(page);
  expect(tracking).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  // The desk sees the photo with the letter.
  const desk = await staffPage(browser, "desk", baseURL!);
  await openLetter(desk, tracking);
  await expect(desk.getByTestId("letter-files")).toContainText("站台照片.png");
  const photo = await desk.request.get((await desk.getByTestId("letter-files").getByRole("link").getAttribute("href"))!);
  expect(photo.status()).toBe(200);
});
