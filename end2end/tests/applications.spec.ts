import { expect, test, type Page } from "@playwright/test";
import { BAD_ID, GOOD_ID, act, expectAccessibleInBothModes, fillApplicant, hydrated, officerPage, openCase, readReceipt, signIn } from "./helpers";

for (const js of [false, true]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    // axe runs inside the page, so it needs JavaScript; the markup it checks is the same.
    const a11y = js ? expectAccessibleInBothModes : async (_page: Page, _label: string) => {};

    test("a citizen files an information request; the officer asks for a correction, extends and answers", async ({ page, browser }) => {
      await page.goto("/apply");
      await page.getByRole("link", { name: /政府信息公开申请/ }).click();
      await expect(page).toHaveURL(/\/apply\/info$/);
      if (js) await hydrated(page);
      await a11y(page, "application form");

      // A wrong ID check digit is refused next to its field; what was typed stays.
      await fillApplicant(page, "张三", BAD_ID);
      await page.locator("#f-unit_id").selectOption({ label: "青山县发展和改革委员会" });
      await page.locator("#f-subject").fill("2025 年度县级预算执行情况");
      await page.getByTestId("submit-application").click();
      await expect(page.locator("#f-id_number-error")).toContainText("身份证号码不正确");
      await expect(page.locator("#f-id_number")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#f-applicant_name")).toHaveValue("张三");
      await expect(page.locator("#f-subject")).toHaveValue("2025 年度县级预算执行情况");
      await expect(page.locator("#f-unit_id")).toHaveValue(/\d+/);

      await page.locator("#f-id_number").fill(GOOD_ID);
      // A supporting document goes with the form; what was typed survives the upload.
      await page.locator("#f-file").setInputFiles({ name: "申请人身份证明.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% e2e\n") });
      await page.getByTestId("upload-material").click();
      await expect(page.getByTestId("upload-result")).toContainText("附件已保存");
      await expect(page.getByTestId("staged-files")).toContainText("申请人身份证明.pdf");
      await expect(page.locator("#f-id_number")).toHaveValue(GOOD_ID);
      await expect(page.locator("#f-subject")).toHaveValue("2025 年度县级预算执行情况");
      if (js) await hydrated(page);
      await a11y(page, "application form with a document");
      await page.getByTestId("submit-application").click();
      await expect(page).toHaveURL(/\/apply\/receipt\//);
      const { tracking, code, lookup } = await readReceipt(page);
      await expect(page.getByTestId("due-on")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
      const dueAtFiling = await page.getByTestId("due-on").textContent();
      await a11y(page, "receipt");

      // The officer finds it in the unit's queue; the due date is the receipt's.
      const officer = await officerPage(browser, js);
      await openCase(officer, tracking);
      await expect(officer.getByTestId("due-on")).toHaveText(dueAtFiling!);
      await expect(officer.getByTestId("id-number")).toHaveText(GOOD_ID);
      await expect(officer.getByTestId("files")).toContainText("申请人身份证明.pdf");
      await a11y(officer, "officer's case page");
      await act(officer, "correction", { note: "请写明所需预算文件的年份和名称。" });
      await expect(officer.getByTestId("status")).toHaveText("待补正");
      await expect(officer.getByTestId("due-on")).toHaveText("—");

      // The citizen opens the receipt's link, sees the request and corrects.
      await page.goto(lookup);
      await expect(page.getByTestId("status")).toHaveText("待补正");
      await expect(page.getByTestId("timeline")).toContainText("请写明所需预算文件的年份和名称。");
      await expect(page.getByTestId("applicant-name")).toHaveCount(0);
      await page.locator("#f-note").fill("2025 年度县级预算执行情况的报告");
      await page.getByRole("button", { name: "提交补正" }).click();
      await expect(page.getByTestId("status")).toHaveText("已收到，办理中");
      const dueAfterCorrection = (await page.getByTestId("due-on").textContent())!;
      expect(dueAfterCorrection >= dueAtFiling!).toBe(true);
      await expect(page.getByTestId("deadline-explain")).toContainText("重新起算");

      // The officer extends (the due date moves 20 working days) and answers.
      await officer.reload();
      await expect(officer.getByTestId("due-on")).toHaveText(dueAfterCorrection);
      await act(officer, "extend", { days: "20", note: "需与财政局会商。" });
      await expect(officer.getByTestId("timeline")).toContainText("延长答复期限");
      const dueExtended = (await officer.getByTestId("due-on").textContent())!;
      expect(dueExtended > dueAfterCorrection).toBe(true);
      await page.reload();
      await expect(page.getByTestId("due-on")).toHaveText(dueExtended);
      // Withholding without its legal ground is refused; the typed note stays, with or without JavaScript.
      await act(officer, "answer", { type: "withheld", note: "涉及第三方商业秘密。" });
      await expect(officer.locator("#a-answer-reason-error")).toContainText("法定理由");
      await expect(officer.locator("#a-answer-note")).toHaveValue("涉及第三方商业秘密。");
      await expect(officer.locator("#a-answer-type")).toHaveValue("withheld");
      await act(officer, "answer", { type: "disclosed", note: "所需报告已上传至本办件，请查收。" });
      await expect(officer.getByTestId("status")).toHaveText("已答复");

      await page.reload();
      await expect(page.getByTestId("status")).toHaveText("已答复");
      await expect(page.getByTestId("answer")).toContainText("予以公开");
      await a11y(page, "lookup with an answer");
      await page.getByTestId("letter-link").click();
      await expect(page.getByTestId("letter-remedies")).toContainText("60 日内");
      await expect(page.getByTestId("letter-remedies")).toContainText("6 个月");
      await expect(page.getByTestId("letter")).toContainText(tracking);
      expect(code.length).toBe(10);
      await officer.context().close();
    });

    test("a citizen files a service case from the catalogue; the officer accepts and completes it", async ({ page, browser }) => {
      await page.goto("/apply/matters");
      await expect(page.getByTestId("matters-summary")).toContainText("2155");
      await page.getByTestId("matter-units").getByRole("link", { name: /发展和改革委员会/ }).click();
      await page.getByTestId("matters").getByRole("listitem").filter({ hasText: "可网上申报" }).first().getByRole("link").click();
      await expect(page.getByRole("heading", { name: "网上申报" })).toBeVisible();
      await a11y(page, "matter page");
      if (js) {
        await hydrated(page);
        // Checked as the citizen types: leaving the field shows the error, fixing it clears it.
        await page.locator("#f-id_number").fill(BAD_ID);
        await page.locator("#f-phone").focus();
        await expect(page.locator("#f-id_number-error")).toContainText("身份证号码不正确");
        await page.locator("#f-id_number").fill(GOOD_ID);
        await expect(page.locator("#f-id_number-error")).toBeEmpty();
      }
      await fillApplicant(page, "李小明", GOOD_ID);
      await page.locator("#f-subject").fill("申请办理项目备案");
      await page.getByTestId("submit-application").click();
      await expect(page).toHaveURL(/\/apply\/receipt\//);
      const { tracking, lookup } = await readReceipt(page);

      const officer = await officerPage(browser, js);
      await openCase(officer, tracking);
      await expect(officer.getByTestId("status")).toHaveText("已申报");
      await act(officer, "accept", {});
      await expect(officer.getByTestId("status")).toHaveText("已受理");
      await act(officer, "complete", { note: "已办结，证照邮寄送达。" });
      await expect(officer.getByTestId("status")).toHaveText("已办结");

      await page.goto(lookup);
      await expect(page.getByTestId("status")).toHaveText("已办结");
      await expect(page.getByTestId("timeline")).toContainText("受理");
      await officer.context().close();
    });
  });
}

test("a wrong query code gets one neutral message", async ({ page }) => {
  await page.goto("/lookup");
  await page.locator("#f-t").fill("ABCD-EFGH-JK");
  await page.locator("#f-c").fill("0000000000");
  await page.getByRole("button", { name: "查询", exact: true }).click();
  await expect(page.locator("#f-c-error")).toHaveText("受理编号或查询码不正确，请核对后重试");
  await expectAccessibleInBothModes(page, "lookup form");
});

test("the officers' queue shows cards and counts", async ({ page }) => {
  await signIn(page, "officer.fgw");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/cases");
  await expect(page.getByTestId("queue-counts")).toContainText("待办");
  await expect(page.getByTestId("queue").getByRole("row").first()).toBeVisible();
  await expectAccessibleInBothModes(page, "case queue");
});

test("the public board shows totals, the rate and the latest cases with masked names", async ({ page }) => {
  await page.goto("/lookup/board");
  await expect(page.getByTestId("total-filed")).toHaveText(/^3105\d\d$/);
  await expect(page.getByTestId("done-rate")).toHaveText(/^99\.\d\d%$/);
  const names = await page.getByTestId("board-latest").locator("li > span:first-child").allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toMatch(/\*/);
  await expectAccessibleInBothModes(page, "board");
});

for (const js of [false, true]) {
  test(`the board's latest cases ${js ? "scroll and pause on request" : "are a static list"} (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN" })).newPage();
    await page.goto("/lookup/board");
    const track = page.locator(".board-scroll-track");
    const animation = () => track.evaluate((e) => [getComputedStyle(e).animationName, getComputedStyle(e).animationPlayState]);
    if (!js) {
      await expect(page.getByTestId("board-pause")).toBeHidden();
      await expect(page.locator(".board-scroll-copy")).toBeHidden();
      return;
    }
    await hydrated(page);
    expect(await animation()).toEqual(["board-scroll", "running"]);
    await expect(page.locator(".board-scroll-copy")).toHaveAttribute("aria-hidden", "true");
    await page.getByTestId("board-pause").click();
    await expect(page.getByTestId("board-pause")).toHaveAttribute("aria-pressed", "true");
    await page.mouse.move(0, 0);
    expect(await animation()).toEqual(["board-scroll", "paused"]);
    await page.context().close();
  });
}

function shiftDay(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a fresh case turns yellow then red as the calendar advances, and the board shows it with the name masked", async ({ page, browser, baseURL }) => {
  await page.goto("/apply/info");
  await fillApplicant(page, "欧阳春晓", GOOD_ID);
  await page.locator("#f-unit_id").selectOption({ label: "青山县发展和改革委员会" });
  await page.locator("#f-subject").fill("城区停车场规划");
  await page.getByTestId("submit-application").click();
  await expect(page).toHaveURL(/\/apply\/receipt\//);
  const { tracking } = await readReceipt(page);
  const due = (await page.getByTestId("due-on").textContent())!.trim();

  // The officer's calendar is moved with the test clock (a cookie this server honours only
  // with GONGKAI_TEST_CLOCK).
  const ctx = await browser.newContext({ locale: "zh-CN" });
  const officer = await ctx.newPage();
  await signIn(officer, "officer.fgw");
  await expect(officer).toHaveURL(/\/admin$/);
  const on = async (day: string | null) => {
    await ctx.clearCookies({ name: "gk_test_today" });
    if (day) await ctx.addCookies([{ name: "gk_test_today", value: day, url: baseURL! }]);
    await openCase(officer, tracking);
  };
  await on(null);
  await expect(officer.getByTestId("card-yellow")).toHaveCount(0);
  await expect(officer.getByTestId("card-red")).toHaveCount(0);
  await on(shiftDay(due, -1));
  await expect(officer.getByTestId("card-yellow")).toBeVisible();
  await on(shiftDay(due, 1));
  await expect(officer.getByTestId("card-red")).toBeVisible();
  await expect(officer.getByTestId("card-yellow")).toHaveCount(0);

  await page.goto("/lookup/board");
  const latest = page.getByTestId("board-latest");
  await expect(latest).toContainText("欧**晓");
  await expect(latest).not.toContainText("欧阳春晓");
});
