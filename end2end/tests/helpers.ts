import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(report, `axe violations on ${label}`).toEqual([]);
}

/** Runs the axe check in standard mode and again in care mode (set through the server's cookie). */
export async function expectAccessibleInBothModes(page: Page, label: string) {
  await expectAccessible(page, `${label} (standard)`);
  const url = new URL(page.url());
  await page.goto(`/prefs?care=1&back=${encodeURIComponent(url.pathname + url.search)}`);
  await expect(page.locator("html")).toHaveClass(/care/);
  await expectAccessible(page, `${label} (care mode)`);
  await page.goto(`/prefs?care=0&back=${encodeURIComponent(url.pathname + url.search)}`);
  await expect(page.locator("html")).not.toHaveClass(/care/);
}

/** Waits until the WASM has hydrated the page (the app marks <html data-hydrated>). */
export async function hydrated(page: Page) {
  try {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "");
  } catch (e) {
    // Name what the browser saw, so a failure in CI (where only the log survives) can be traced.
    const said = [
      ...(await page.consoleMessages()).filter((m) => m.type() === "error" || m.type() === "warning").map((m) => `console ${m.type()}: ${m.text()}`),
      ...(await page.pageErrors()).map((err) => `page error: ${err.message}`),
    ];
    const body = (await page.content().catch(() => "")).slice(0, 2000);
    throw new Error(`${page.url()} did not hydrate.\n${said.slice(-20).join("\n")}\n---- document (start) ----\n${body}\n${e}`);
  }
}

export const DEMO_PASSWORD = "Gongkai@2026";

/** Signs in through the login form. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A valid resident ID (the GB 11643 example) and one with a wrong check digit. */
export const GOOD_ID = "11010519491231002X";
export const BAD_ID = "110105194912310021";

export async function fillApplicant(page: Page, name: string, id: string) {
  await page.locator("#f-applicant_name").fill(name);
  await page.locator("#f-id_number").fill(id);
  await page.locator("#f-phone").fill("13812345678");
}

/** Reads the receipt: tracking number, query code and the lookup link. */
export async function readReceipt(page: Page) {
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  const tracking = (await page.getByTestId("tracking").textContent())!.trim();
  const code = (await page.getByTestId("query-code").textContent())!.trim();
  expect(tracking).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  expect(code).toMatch(/^[0-9A-Z]{10}$/);
  await expect(receipt.locator(".qr svg")).toBeVisible();
  const link = (await page.getByTestId("lookup-link").getAttribute("href"))!;
  return { tracking, code, lookup: new URL(link).pathname + new URL(link).search };
}

/** An officer's page, in a separate browser context (another person). */
export async function officerPage(browser: Browser, js: boolean) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN" });
  const page = await ctx.newPage();
  await signIn(page, "officer.fgw");
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

export async function openCase(page: Page, tracking: string) {
  await page.goto("/admin/cases");
  await page.getByRole("link", { name: tracking }).click();
  await expect(page.getByTestId("tracking")).toHaveText(tracking);
}

export async function act(page: Page, action: string, fields: Record<string, string>) {
  const form = page.locator(`form[data-action="${action}"]`);
  for (const [id, value] of Object.entries(fields)) {
    const el = form.locator(`#a-${action}-${id}`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
    else await el.fill(value);
  }
  await form.getByRole("button").click();
}
