import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let cached: Promise<string | null> | undefined;

interface BuildRecord {
  output: string;
  /** input file -> "mtimeMs:size" when the output was built */
  inputs: Record<string, string>;
}

/**
 * Bundles the scan worker (TypeScript, with its imports from lib/) into one plain ESM file so that
 * workers start in milliseconds instead of registering tsx and compiling modules through loader
 * hooks in every thread. The file lands in node_modules/.cache/leastwise/ (bare imports such as
 * @aws-sdk/client-s3 resolve from there) with a record of its inputs: while they are unchanged, a
 * new process reuses it without starting esbuild. Returns null when esbuild or the sources are not
 * available; the caller then uses the tsx entry.
 */
export function scanWorkerBundle(root: string): Promise<string | null> {
  cached ??= build(root).catch(() => null);
  return cached;
}

const stamp = (file: string) => {
  const st = statSync(file);
  return `${st.mtimeMs}:${st.size}`;
};

async function build(root: string): Promise<string | null> {
  const source = path.join(root, "lib", "engine", "scan-worker-main.ts");
  if (!existsSync(source)) return null;
  const dir = path.join(root, "node_modules", ".cache", "leastwise");
  const recordFile = path.join(dir, "scan-worker.json");
  try {
    const rec = JSON.parse(readFileSync(recordFile, "utf8")) as BuildRecord;
    if (existsSync(rec.output) && Object.entries(rec.inputs).every(([f, s]) => stamp(path.join(root, f)) === s)) return rec.output;
  } catch {
    // no record yet, or an input is gone: build
  }
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
    absWorkingDir: root,
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].contents;
  const output = path.join(dir, `scan-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  mkdirSync(dir, { recursive: true });
  // Two processes writing the same bytes is harmless.
  if (!existsSync(output)) writeFileSync(output, code);
  const inputs = Object.fromEntries(Object.keys(out.metafile.inputs).map((f) => [f, stamp(path.join(root, f))]));
  writeFileSync(recordFile, JSON.stringify({ output, inputs } satisfies BuildRecord));
  return output;
}
