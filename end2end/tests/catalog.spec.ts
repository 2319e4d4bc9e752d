import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessibleInBothModes, hydrated, signIn } from "./helpers";

/** Four characters no demo text uses, so each run's entry is found by its own title. */
function tag() {
  const pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳";
  return Array.from({ length: 4 }, () => pool[Math.floor(Math.random() * pool.length)]).join("");
}

async function staffPage(browser: Browser, js: boolean, user: string) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN" });
  const page = await ctx.newPage();
  await signIn(page, user);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

async function act(page: Page, action: string, note?: string) {
  const form = page.locator(`form[data-action="${action}"]`);
  if (note !== undefined) await form.locator("textarea").fill(note);
  await form.getByRole("button").click();
}

for (const js of [false, true]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    const a11y = js ? expectAccessibleInBothModes : async (_page: Page, _label: string) => {};

    test("an officer drafts, the reviewer returns it, the officer fixes it, the reviewer publishes", async ({ page, browser }) => {
      // Two staff members through the whole review cycle, with accessibility checks on the way.
      test.setTimeout(120_000);
      const word = tag();
      const title = `关于${word}专项资金使用情况的公告`;
      const officer = await staffPage(browser, js, "officer.fgw");
      await officer.goto("/admin/catalog");
      await officer.getByTestId("new-entry").click();
      await expect(officer).toHaveURL(/\/admin\/catalog\/new/);
      if (js) await hydrated(officer);
      await a11y(officer, "new catalog entry");

      // A missing title is refused next to its field; the rest of what was typed stays.
      await officer.locator("#f-summary").fill(`${word}专项资金的使用情况。`);
      await officer.locator("#f-written_on").fill("2026-11-02");
      await officer.locator("#f-topic").selectOption("finance");
      await officer.locator("#f-genre").selectOption("announcement");
      await officer.locator("#f-audience").selectOption("citizens");
      await officer.locator("#f-body").fill("<p>现将专项资金使用情况公告如下。</p>");
      await officer.getByTestId("save-entry").click();
      await expect(officer.locator("#f-title-error")).toContainText("此项为必填项");
      await expect(officer.locator("#f-summary")).toHaveValue(`${word}专项资金的使用情况。`);
      await expect(officer.locator("#f-topic")).toHaveValue("finance");

      await officer.locator("#f-title").fill(`${title}（草稿）`);
      await officer.getByTestId("save-entry").click();
      await expect(officer).toHaveURL(/\/admin\/catalog\/\d+/);
      const entryUrl = new URL(officer.url()).pathname;
      await expect(officer.getByTestId("staff-entry-state")).toContainText("草稿");
      await act(officer, "submit");
      await expect(officer.getByTestId("staff-entry-state")).toContainText("待审核");

      // Another unit's officer is refused by the server, not only kept from the link.
      const other = await staffPage(browser, js, "officer.edu");
      const refused = await other.request.post("/api/catalog/staff_entry", { form: { id: entryUrl.split("/").pop()! } });
      expect(refused.status()).toBe(403);
      await other.goto(entryUrl);
      await expect(other.getByRole("alert").first()).toContainText("没有权限");

      const reviewer = await staffPage(browser, js, "reviewer.fgw");
      await reviewer.goto(entryUrl);
      await a11y(reviewer, "entry under review");
      await act(reviewer, "return", "标题不要带“草稿”二字");
      await expect(reviewer.getByTestId("staff-entry-state")).toContainText("已退回");

      await officer.goto(entryUrl);
      await expect(officer.getByTestId("review-note")).toContainText("标题不要带“草稿”二字");
      await officer.locator("#f-title").fill(title);
      await officer.getByTestId("save-entry").click();
      await expect(officer.getByRole("status").first()).toContainText("已保存");
      // An attachment goes with the text: a plain multipart form, the file checked by its content.
      await officer.locator("#f-file").setInputFiles({ name: `${word}资金明细.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% e2e\n") });
      await officer.getByRole("button", { name: "上传附件" }).click();
      await expect(officer.getByTestId("upload-result")).toContainText("附件已保存");
      await expect(officer.getByTestId("staff-files")).toContainText(`${word}资金明细.pdf`);
      if (js) await hydrated(officer);
      await a11y(officer, "draft with an attachment");
      await act(officer, "submit");
      await expect(officer.getByTestId("staff-entry-state")).toContainText("待审核");

      await reviewer.goto(entryUrl);
      await act(reviewer, "approve");
      await expect(reviewer.getByTestId("staff-entry-state")).toContainText("已发布");
      await expect(reviewer.getByTestId("entry-history")).toContainText("退回修改");

      // The public finds it by search, in its unit, topic and audience, and in the feed.
      await page.goto("/catalog");
      if (js) await hydrated(page);
      await a11y(page, "catalog");
      await page.locator("#catalog-q").fill(word);
      await page.getByRole("button", { name: "搜索", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
      const hit = page.getByTestId("catalog-entries").getByRole("link", { name: title });
      await expect(hit).toBeVisible();
      await expect(page.getByTestId("catalog-entries").locator("mark").first()).toHaveText(word);
      await hit.click();
      await expect(page.getByTestId("entry-title")).toHaveText(title);
      await expect(page.getByTestId("entry-meta")).toContainText("索引号");
      await expect(page.getByTestId("entry-meta")).toContainText(/\/2026-\d{5}/);
      const file = page.getByTestId("entry-files").getByRole("link", { name: `${word}资金明细.pdf` });
      await expect(file).toBeVisible();
      const download = await page.request.get((await file.getAttribute("href"))!);
      expect(download.headers()["content-disposition"]).toContain("attachment");
      expect((await download.body()).toString()).toContain("%PDF-1.4");
      await a11y(page, "catalog entry");
      await page.getByTestId("entry-meta").getByRole("link", { name: "财政、金融、审计" }).click();
      await expect(page).toHaveURL(/topic=finance/);
      await expect(page.getByTestId("catalog-entries").getByRole("link", { name: title })).toBeVisible();
      const feed = await page.request.get("/catalog/feed.atom");
      expect(await feed.text()).toContain(title);
    });

    test("filters and search are links and forms; with JavaScript the list changes without a reload", async ({ page }) => {
      await page.goto("/catalog");
      if (js) {
        await hydrated(page);
        await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      }
      await page.locator("details", { hasText: "按主题" }).locator("summary").click();
      const health = page.getByRole("link", { name: /^卫生、体育/ });
      await health.click();
      await expect(page).toHaveURL(/topic=health/);
      // The router changes the address before the new list arrives; until it does, the old list
      // and its form are still there. The new list marks the chosen topic.
      await expect(health).toHaveAttribute("aria-current", "page");
      await expect(page.getByTestId("catalog-summary")).toContainText("共");
      await page.locator("#catalog-q").fill("量子纠缠");
      await page.getByRole("button", { name: "搜索", exact: true }).click();
      await expect(page.getByTestId("catalog-empty")).toBeVisible();
      await expect(page).toHaveURL(/topic=health/);
      if (js) expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    });
  });
}

for (const js of [false, true]) {
  test(`a reviewer imports a CSV and reads the per-row report (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const reviewer = await staffPage(browser, js, "reviewer.fgw");
    await reviewer.goto("/admin/catalog");
    await reviewer.getByRole("link", { name: "批量导入" }).click();
    await expect(reviewer).toHaveURL(/\/admin\/catalog\/import$/);
    if (js) {
      await hydrated(reviewer);
      await expectAccessibleInBothModes(reviewer, "import form");
    }
    const word = tag();
    const csv =
      "索引号,名称,内容概述,关键词,发布机构,文号,成文日期,发布日期,主题分类,体裁分类,服务对象,有效性,公开方式,正文\n" +
      `,${word}导入测试公告,,,青山县发展和改革委员会,,2020-01-01,2020-01-02,综合政务,公告,公民,有效,主动公开,<p>正文</p>\n` +
      `,,,,青山县发展和改革委员会,,2020-01-01,2020-01-02,综合政务,公告,公民,有效,主动公开,\n`;
    await reviewer.locator("#import-file").setInputFiles({ name: "old.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await reviewer.getByTestId("start-import").click();
    await expect(reviewer).toHaveURL(/\/admin\/catalog\/import\/\d+$/);
    await expect(reviewer.getByTestId("import-figures")).toContainText("导入完成", { timeout: 20_000 });
    await expect(reviewer.getByTestId("import-figures")).toContainText("导入 1 条，未导入 1 条");
    await expect(reviewer.getByTestId("import-rejected")).toContainText("名称：此项为必填项");
    if (js) await expectAccessibleInBothModes(reviewer, "import report");
    await reviewer.goto(`/catalog?q=${encodeURIComponent(word)}`);
    await expect(reviewer.getByTestId("catalog-entries").getByRole("link", { name: `${word}导入测试公告` })).toBeVisible();
  });
}
