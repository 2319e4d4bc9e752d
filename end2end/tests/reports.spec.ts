import { expect, test } from "@playwright/test";
import { expectAccessibleInBothModes } from "./helpers";

test("the yearly report shows the applications table, balanced, for the county and for a unit", async ({ page }) => {
  await page.goto("/catalog/reports/2026");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("青山县人民政府2026年政府信息公开工作年度报告");
  await expect(page.getByTestId("balance")).toContainText("各列均相符");
  const total = page.getByTestId("application-table").locator('tr[data-row="new"] td').last();
  const countyNew = Number(await total.textContent());
  expect(countyNew).toBeGreaterThan(0);
  await expectAccessibleInBothModes(page, "yearly report");
  const option = page.locator("#report-unit option").filter({ hasText: "发展和改革委员会" }).first();
  await page.locator("#report-unit").selectOption((await option.getAttribute("value"))!);
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/unit=\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("发展和改革委员会2026年政府信息公开工作年度报告");
  await expect(page.getByTestId("balance")).toContainText("各列均相符");
  expect(Number(await total.textContent())).toBeLessThanOrEqual(countyNew);
});
