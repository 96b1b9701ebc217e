#!/usr/bin/env node
// `npm start`: the production server. Applies migrations and seeds the demo account (when running
// with the built-in local account), then runs `next start` on HOST:PORT (default 127.0.0.1:3000)
// with the in-process generation worker. Requires a build (`npm run build`, or `bash scripts/up.sh`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
register();

const { env } = await import("../lib/env.ts");
let settings;
try {
  settings = env();
} catch (error) {
  console.error(`[start] ${error.message}`);
  process.exit(1);
}
if (!existsSync(join(root, settings.LEASTWISE_DIST_DIR, "BUILD_ID"))) {
  console.error("[start] no production build found: run `npm run build` first (or `bash scripts/up.sh`, which builds when needed).");
  process.exit(1);
}

try {
  const { prepareDatabase } = await import("./db-prepare.ts");
  await prepareDatabase();
} catch (error) {
  console.error(`[start] preparing the database failed: ${error?.userMessage ?? error?.message ?? error}`);
  process.exit(1);
}

const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, "start", "-p", String(settings.PORT), "-H", settings.HOST], {
  stdio: "inherit",
  env: { ...process.env, LEASTWISE_AUTO_MIGRATE: "0", NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(
  `[start] Leastwise on http://${settings.HOST === "0.0.0.0" ? "localhost" : settings.HOST}:${settings.PORT} (API: --endpoint-url http://localhost:${settings.PORT})`,
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
