import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { writeFileAtomic } from "@/lib/write-file-atomic";

let cached: Promise<string | null> | undefined;

/** bump when the build options change: outputs of another version are rebuilt */
const BUILD_VERSION = 2;

interface BuildRecord {
  version: number;
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
  cached ??= withTimeout(build(root), BUILD_TIMEOUT_MS).catch(() => null);
  return cached;
}

/**
 * A bundle that does not come within this time is given up for the tsx entry: a scan must never
 * wait on its build indefinitely (a busy process once listed its files and then read none).
 */
const BUILD_TIMEOUT_MS = 20_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker bundle not built within ${ms} ms`)), ms);
    timer.unref();
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
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
    if (
      rec.version === BUILD_VERSION &&
      existsSync(rec.output) &&
      Object.entries(rec.inputs).every(([f, s]) => stamp(path.join(root, f)) === s)
    )
      return rec.output;
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
    // Code only S3 reads need (and its static import of the AWS SDK) goes to a chunk loaded on
    // demand, so a worker reading a local directory starts without loading the SDK.
    splitting: true,
    outdir: path.join(dir, "out"),
    outExtension: { ".js": ".mjs" },
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const hash = createHash("sha256");
  for (const f of out.outputFiles) hash.update(f.path).update(f.contents);
  // A folder per build; two processes writing the same bytes is harmless.
  const folder = path.join(dir, `scan-worker-${hash.digest("hex").slice(0, 16)}`);
  const outDir = path.join(dir, "out");
  let output = "";
  for (const f of out.outputFiles) {
    const target = path.join(folder, path.relative(outDir, f.path));
    mkdirSync(path.dirname(target), { recursive: true });
    if (!existsSync(target)) writeFileAtomic(target, f.contents);
    if (path.basename(f.path) === "scan-worker-main.mjs") output = target;
  }
  if (!output) return null;
  const inputs = Object.fromEntries(Object.keys(out.metafile.inputs).map((f) => [f, stamp(path.join(root, f))]));
  writeFileAtomic(recordFile, JSON.stringify({ version: BUILD_VERSION, output, inputs } satisfies BuildRecord));
  return output;
}
