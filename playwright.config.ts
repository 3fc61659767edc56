import { defineConfig } from "@playwright/test";

// Chosen once in the main process (workers inherit it). Test servers use ports in 10081–32767:
// Next refuses the ports browsers block as unsafe (5060, 4190, 6000, …, all ≤ 10080), and Linux
// hands out ephemeral client ports from 32768. Integration 12000–15999, e2e 16000–19999,
// chaos Redis 20000–29999, benchmarks 30000–30999.
// E2E_PORT and the one after it (a second web server, without OCR: tests/e2e/global-setup.ts).
process.env.E2E_PORT ??= String(16_000 + Math.floor(Math.random() * 3_999));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Two files at a time on the one server: each spec tolerates the others' data (the seeded user's
  // journeys touch different analyses; the admin-journey filter counts failed ones only, and
  // nothing else fails one). Signed-in pages come from tests/e2e/fixtures.ts.
  // `E2E_WORKERS=1` runs them one by one.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? "2"),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/e2e.json" }],
    ["html", { open: "never", outputFolder: "test-results/e2e-report" }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT}`,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
