import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "");
}

export const DEMO_PASSWORD = "Gongkai@2026";

/** Signs in through the login form. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
