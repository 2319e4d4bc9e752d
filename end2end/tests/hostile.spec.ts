import { expect, test, type Page } from "@playwright/test";
import { GOOD_ID, fillApplicant, hydrated, officerPage, openCase, readReceipt } from "./helpers";

/** Fails the test if anything on the page opens a dialog or logs a CSP violation. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on("dialog", async (d) => {
    seen.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) seen.push(`csp: ${m.text()}`);
  });
  return seen;
}

const XSS = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;

test("hostile input in addresses and stored text stays inert in the browser, under the content security policy", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  const seen = watch(page);
  const q = encodeURIComponent(XSS);
  for (const url of [`/catalog?q=${q}&unit=${q}&page=${q}`, `/hotline?q=${q}&type=${q}`, `/lookup?t=${q}&c=${q}`, `/ratings?from=${q}&to=${q}`, `/r/${q}`, `/apply/matters?q=${q}`, `/catalog/${q}`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBeLessThan(500);
    expect(res?.headers()["content-security-policy"], url).toContain("'nonce-");
    await hydrated(page);
  }

  // Stored: an application whose subject is an attack, opened by the officer.
  await page.goto("/apply/info");
  await hydrated(page);
  await fillApplicant(page, "赵六", GOOD_ID);
  await page.locator("#f-unit_id").selectOption({ label: "青山县发展和改革委员会" });
  await page.locator("#f-subject").fill(`查询文件${XSS}`);
  await page.getByTestId("submit-application").click();
  await expect(page).toHaveURL(/\/apply\/receipt\//);
  const { tracking } = await readReceipt(page);
  const officer = await officerPage(browser, true);
  const officerSeen = watch(officer);
  await openCase(officer, tracking);
  await hydrated(officer);
  await expect(officer.locator("main")).toContainText("<script>alert(2)</script>");
  expect(seen).toEqual([]);
  expect(officerSeen).toEqual([]);
  await officer.context().close();
  await page.context().close();
});
