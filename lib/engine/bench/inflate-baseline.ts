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

type Totals = { bytesIn: number; bytesOut: number; parsed: number };

/**
 * The benchmark's baseline: read and gunzip every file with all cores, nothing else (synchronous
 * inflate of whole files in worker threads, files handed out through a shared counter). With
 * `ranges` (per file, [start, end) pairs of the inflated text) those are also JSON.parsed: the floor row.
 */
export async function inflateBaseline(o: { files: string[]; workers?: number; ranges?: Int32Array[] }): Promise<Totals & { ms: number }> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "inflate-worker.mjs");
  const counter = new SharedArrayBuffer(4);
  const n = o.workers ?? availableParallelism();
  const started = performance.now();
  const results = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Totals>((resolve, reject) => {
          const w = new Worker(entry, { workerData: { files: o.files, counter, ranges: o.ranges }, execArgv: [] });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    ),
  );
  const ms = performance.now() - started;
  const sum = (k: keyof Totals) => results.reduce((s, r) => s + r[k], 0);
  return { bytesIn: sum("bytesIn"), bytesOut: sum("bytesOut"), parsed: sum("parsed"), ms };
}
