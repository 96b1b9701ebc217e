import { defineConfig } from "@playwright/test";
import { E2E_DIST_DIR } from "./e2e/support/dist-dir";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The browser tests run against the app built and started the way the README starts it
// (`npm run build`, then `npm start`), on its own port with a fresh data directory and its own
// build directory (.next-e2e), so they never touch a developer's .data/ or the .next of a running
// server, and seed everything they need themselves.
const PORT = Number(process.env.LEASTWISE_E2E_PORT ?? 3100);
// For iterating on the specs: an already running server (started with the same admin and a fresh,
// seeded data directory) instead of building one.
const EXTERNAL = process.env.LEASTWISE_E2E_EXTERNAL_URL;
const BASE_URL = EXTERNAL ?? `http://127.0.0.1:${PORT}`;

// Workers re-read this file: keep the directory chosen by the main process.
process.env.LEASTWISE_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "leastwise-e2e-"));
const dataDir = process.env.LEASTWISE_E2E_DATA_DIR;

const dbUrl = process.env.DATABASE_URL;
if (dbUrl && !/@(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(dbUrl)) {
  throw new Error(
    `Refusing to run the browser tests against a non-local database (${dbUrl.replace(/\/\/[^@]*@/, "//***@")}). Unset DATABASE_URL.`,
  );
}

export const E2E_ADMIN = { username: "e2e-admin", password: "e2e-admin-password-0001" };

export default defineConfig({
  testDir: "e2e",
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-results.json" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1400, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 120_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: EXTERNAL
    ? undefined
    : {
        command: "npm run build && npm start",
        url: `${BASE_URL}/signin`,
        timeout: 420_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          PORT: String(PORT),
          HOST: "127.0.0.1",
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          LEASTWISE_DATA_DIR: dataDir,
          // Its own build directory: `npm test` never replaces the .next of a running `scripts/up.sh`.
          LEASTWISE_DIST_DIR: E2E_DIST_DIR,
          LEASTWISE_ACCOUNT_MODE: "local",
          LEASTWISE_SEED_DEMO: "1",
          LEASTWISE_ADMIN_USER: E2E_ADMIN.username,
          LEASTWISE_ADMIN_PASSWORD: E2E_ADMIN.password,
          NEXTAUTH_URL: BASE_URL,
          NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
          // S3-compatible trails need some credentials; the test endpoints accept any.
          AWS_ACCESS_KEY_ID: "AKIAE2ETESTONLY00000",
          AWS_SECRET_ACCESS_KEY: "e2e-test-only-secret-access-key-000000000",
          AWS_REGION: "us-east-1",
          LEASTWISE_ALLOW_PRIVATE_ENDPOINTS: "1", // the test S3 endpoints listen on 127.0.0.1
        },
      },
});
