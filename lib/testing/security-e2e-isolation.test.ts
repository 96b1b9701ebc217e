// Issue 11 item 14: the browser tests' web server never touches the build or data of a running
// instance: its own build directory and a fresh data directory; `npm start` follows the setting.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

describe("the browser tests' server is isolated from a running instance", () => {
  it("builds into its own directory and uses a temporary data directory", async () => {
    const config = (await import("../../playwright.config")).default;
    const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
    const env = server?.env ?? {};
    expect(server?.command).toContain("npm run build");
    expect(env.LEASTWISE_DIST_DIR).toBeTruthy();
    expect(env.LEASTWISE_DIST_DIR).not.toBe(".next");
    expect(env.LEASTWISE_DATA_DIR).toMatch(/leastwise-e2e-/);
    expect(path.resolve(ROOT, env.LEASTWISE_DATA_DIR!)).not.toBe(path.resolve(ROOT, ".data"));
  });

  it.each([
    [undefined, ".next"],
    [".next-e2e", ".next-e2e"],
  ])("next.config.js: LEASTWISE_DIST_DIR=%s -> distDir %s", (value, expected) => {
    const env = { ...process.env };
    delete env.LEASTWISE_DIST_DIR;
    if (value !== undefined) env.LEASTWISE_DIST_DIR = value;
    const run = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", "console.log((await import('./next.config.js')).default.distDir)"],
      { cwd: ROOT, env, encoding: "utf8" },
    );
    expect(run.stdout.trim()).toBe(expected);
  });

  it("npm start looks for the build in LEASTWISE_DIST_DIR", () => {
    const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
      cwd: ROOT,
      env: { ...process.env, LEASTWISE_DIST_DIR: ".next-none-here", PORT: "3299" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no production build found");
  }, 90_000);
});
