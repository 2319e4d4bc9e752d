import { expect, test } from "@playwright/test";
import { expectAccessibleInBothModes, hydrated, signIn } from "./helpers";

const SERVICES = [
  ["信息公开", "/catalog", "政府信息公开目录"],
  ["依申请公开", "/apply", "依申请公开与网上办事"],
  ["办件查询", "/lookup", "办件查询"],
  ["市长热线", "/hotline", "市长热线 12345 · 领导信箱"],
  ["网上调查", "/surveys", "网上调查"],
] as const;

test.describe("with JavaScript", () => {
  test("home page offers the five public services and is accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("青山县人民政府");
    for (const [, href] of SERVICES) {
      await expect(page.locator(`main a[href="${href}"]`)).toBeVisible();
    }
    await expectAccessibleInBothModes(page, "home");
  });

  test("main navigation reaches every service page", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const [label, href, heading] of SERVICES) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    }
    await expectAccessibleInBothModes(page, "service page");
  });

  test("each page loads only its own part of the WASM, compressed", async ({ page, request }) => {
    // The home page and the catalog list (its content is HTML made on the server) need no lazily
    // loaded page code; an entry page loads its group's.
    let wasm: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto("/");
    await hydrated(page);
    expect(wasm).toContain("/pkg/gongkai.wasm");
    expect(wasm.filter((w) => w.includes("/split_"))).toEqual([]);
    wasm = [];
    await page.goto("/catalog");
    await hydrated(page);
    expect(wasm.filter((w) => w.includes("/split_") || w.includes("/chunk_"))).toEqual([]);
    // Its hydration data do not carry the list a second time (see src/ui/server_html.rs).
    const html = await (await request.get("/catalog")).text();
    expect(html.split('data-testid="catalog-entries"').length).toBe(2);
    expect(html.match(/catalog-q-hint/g)?.length, "the form's markup appears once").toBe(2);

    // A result (HTML from the server) is followed by the router, in place: the entry pages'
    // group is fetched, then the entry shown, with no page load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByTestId("catalog-entries").getByRole("link").first().click();
    await expect(page.getByTestId("entry-title")).toBeVisible();
    const chunk = wasm.find((w) => /^\/pkg\/split_catalog_pages_\d+\.wasm$/.test(w));
    expect(chunk, "the entry page loads its group's chunk").toBeTruthy();
    expect(wasm.filter((w) => w.includes("/split_") && w !== chunk)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // Built files go out as brotli made at build time (scripts/precompress.mjs).
    for (const path of ["/pkg/gongkai.wasm", chunk!]) {
      const res = await request.get(path, { headers: { "accept-encoding": "br" } });
      expect(res.status()).toBe(200);
      expect(res.headers()["content-encoding"], path).toBe("br");
    }
  });

  test("a link followed while the page's code is still loading still arrives", async ({ page }) => {
    // Hold back the application pages' chunk: until it is there, the page is the server's HTML
    // and a link is a plain link (the router must not take the click and then never show the page).
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let asked = false;
    await page.route(/\/pkg\/split_apply_pages_\d+\.wasm$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto("/apply", { waitUntil: "domcontentloaded" });
    await expect.poll(() => asked, { message: "the page asked for its held chunk" }).toBe(true);
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "办件查询", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("办件查询");
    await hydrated(page);
    release();
  });

  test("care mode switches in place once hydrated, without a page load", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    await page.evaluate(() => ((window as any).__noReload = true));
    const toggle = page.getByTestId("care-toggle");
    await toggle.click();
    await expect(page.locator("html")).toHaveClass(/care/);
    await expect(toggle).toHaveText("退出关怀模式");
    expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
    // Body text is at least 18 pt (24 px) and targets at least 60 px high.
    const size = await page.locator("main p").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    const box = await page.locator('main a[href="/catalog"]').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    // Remembered by the server: a fresh load renders care mode.
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/care/);
    await hydrated(page);
    await page.getByTestId("care-toggle").click();
    await expect(page.locator("html")).not.toHaveClass(/care/);
  });

  test("language switch renders traditional Chinese and English", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("link", { name: "繁體中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("政府資訊公開目錄");
    await expect(page).toHaveURL(/\/catalog$/);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Government information catalog");
    await expectAccessibleInBothModes(page, "catalog in English");
    await page.getByRole("link", { name: "简体中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  });

  test("staff sign-in: wrong password is refused next to the field, right one opens the back office", async ({ page }) => {
    await page.goto("/admin/login");
    await hydrated(page);
    await expectAccessibleInBothModes(page, "login");
    await hydrated(page);
    await page.getByLabel("用户名").fill("reviewer.edu");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#f-password-error")).toHaveText("用户名或密码不正确");
    await expect(page.getByLabel("密码")).toHaveAttribute("aria-invalid", "true");

    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("roles")).toContainText("管理员 · 全站");
    await expectAccessibleInBothModes(page, "dashboard");

    await page.getByRole("link", { name: "单位管理" }).click();
    await expect(page.getByTestId("units-total")).toHaveText("110");
    await expect(page.getByRole("heading", { name: /县政府部门 \(72/ })).toBeVisible();
    await expectAccessibleInBothModes(page, "units");

    await hydrated(page);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "请先登录" })).toBeVisible();
  });

  test("an information officer is refused the administrators' unit list", async ({ page }) => {
    await signIn(page, "officer.fgw");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("roles")).toContainText("信息员 · 青山县发展和改革委员会");
    await expect(page.getByRole("link", { name: "单位管理" })).toHaveCount(0);
    await page.goto("/admin/units");
    await expect(page.getByRole("alert")).toHaveText("您没有权限进行此操作");
  });
});

for (const js of [true, false]) {
  test.describe(js ? "keyboard, hydrated" : "keyboard, JavaScript off", () => {
    test.use({ javaScriptEnabled: js });
    test("the skip link comes first and focus reaches the services in order", async ({ page }) => {
      await page.goto("/");
      if (js) await hydrated(page);
      await keyboardWalk(page);
    });
  });
}

async function keyboardWalk(page: import("@playwright/test").Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // From the main region, the next Tab lands on the first service link, then the second.
  await page.keyboard.press("Tab");
  await expect(page.locator('main a[href="/catalog"]')).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator('main a[href="/apply"]')).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apply$/);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("navigation, care mode and language switch work as plain links", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByRole("link", { name: "办件查询", exact: true }).click();
    await expect(page).toHaveURL(/\/lookup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("办件查询");

    await page.getByTestId("care-toggle").click();
    await expect(page).toHaveURL(/\/lookup$/);
    await expect(page.locator("html")).toHaveClass(/care/);
    await expect(page.getByTestId("care-toggle")).toHaveText("退出关怀模式");

    await page.getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Track a case");
    await expect(page.locator("html")).toHaveClass(/care/);
  });

  test("staff sign-in works as a plain form post", async ({ page }) => {
    await page.goto("/admin/login");
    await page.getByLabel("用户名").fill("reviewer.fgw");
    await page.getByLabel("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/admin\/login/);
    await expect(page.locator("#f-password-error")).toHaveText("用户名或密码不正确");

    await signIn(page, "reviewer.fgw");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("roles")).toContainText("审核员 · 青山县发展和改革委员会");
  });
});

test("an administrator maintains the working-day calendar", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/calendar?year=2026");
  await expect(page.getByTestId("calendar-year")).toHaveText("2026");
  await expect(page.getByTestId("calendar-days")).toContainText("国庆节");
  await expectAccessibleInBothModes(page, "calendar");
  await hydrated(page);
  const day = test.info().project.name === "phone" ? "2026-12-23" : "2026-12-24";
  await page.getByLabel("日期").fill(day);
  await page.getByLabel("说明").fill("县庆放假");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const row = page.getByTestId("calendar-days").getByRole("row").filter({ hasText: day });
  await expect(row).toContainText("县庆放假");
  await row.getByRole("button", { name: `删除 ${day}` }).click();
  await expect(page.getByTestId("calendar-days")).not.toContainText(day);
});

test("an administrator creates an information officer who can then sign in", async ({ page, browser }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/staff");
  await expect(page.getByTestId("accounts")).toContainText("officer.fgw");
  await expectAccessibleInBothModes(page, "accounts");
  await hydrated(page);
  const username = `officer.e2e.${test.info().project.name}`;
  await page.getByLabel("用户名").fill(username);
  await page.locator("#f-display_name").fill("端到端信息员");
  await page.getByLabel("初始密码").fill("E2e-Strong-2026");
  await page.locator("#f-role").selectOption("officer");
  await page.getByLabel("所属单位").selectOption({ label: "青山县水利局" });
  await page.getByRole("button", { name: "新建账号" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.getByTestId("accounts")).toContainText(username);

  const other = await browser.newPage();
  await signIn(other, username, "E2e-Strong-2026");
  await expect(other.getByTestId("roles")).toContainText("信息员 · 青山县水利局");
  await other.close();
});
