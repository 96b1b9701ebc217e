import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let cached: Promise<string | null> | undefined;

/**
 * Bundles the scan worker (TypeScript, with its imports from lib/) into one plain ESM file, once per
 * process (~60 ms), so that workers start in milliseconds instead of registering tsx and compiling
 * modules through loader hooks in every thread. The file lands in node_modules/.cache/leastwise/
 * under the hash of its content (bare imports such as @aws-sdk/client-s3 resolve from there).
 * Returns null when esbuild or the sources are not available; the caller then uses the tsx entry.
 */
export function scanWorkerBundle(root: string): Promise<string | null> {
  cached ??= build(root).catch(() => null);
  return cached;
}

async function build(root: string): Promise<string | null> {
  const source = path.join(root, "lib", "engine", "scan-worker-main.ts");
  if (!existsSync(source)) return null;
  // Resolved at run time from the project, out of sight of bundlers (Next.js must not bundle esbuild).
  const esbuild = createRequire(path.join(root, "package.json"))("esbuild") as typeof import("esbuild");
  const out = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: { "@": root },
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].contents;
  const dir = path.join(root, "node_modules", ".cache", "leastwise");
  const file = path.join(dir, `scan-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Write then rename would be atomic; two processes writing the same bytes is harmless too.
    writeFileSync(file, code);
  }
  return file;
}
