import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** Every log file (*.json.gz under .../CloudTrail/...) of a local trail; digests excluded. */
export function listTrailFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "CloudTrail-Digest") walk(p);
      } else if (e.name.endsWith(".json.gz")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The benchmark's baseline: read and gunzip every file with all cores, nothing else (synchronous
 * inflate of whole files in worker threads, files handed out through a shared counter).
 */
export async function inflateBaseline(o: { files: string[]; workers?: number }): Promise<{ bytesIn: number; bytesOut: number; ms: number }> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "inflate-worker.mjs");
  const counter = new SharedArrayBuffer(4);
  const n = o.workers ?? availableParallelism();
  const started = performance.now();
  const results = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ bytesIn: number; bytesOut: number }>((resolve, reject) => {
          const w = new Worker(entry, { workerData: { files: o.files, counter }, execArgv: [] });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    ),
  );
  const ms = performance.now() - started;
  return { bytesIn: results.reduce((s, r) => s + r.bytesIn, 0), bytesOut: results.reduce((s, r) => s + r.bytesOut, 0), ms };
}
