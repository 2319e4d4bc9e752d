import { defineConfig } from "@playwright/test";

// The server is started by scripts/e2e.sh on a random port with a fresh demo database.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

// Debian's chromium; never a downloaded browser. These flags keep it off the (closed) network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./tests",
  // Several tests walk a whole case through many pages; on a busy two-core CI machine they can
  // pass 60 s, so they get two minutes.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: { baseURL, launchOptions, trace: "off", locale: "zh-CN" },
  projects: [
    {
      name: "phone",
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
});
