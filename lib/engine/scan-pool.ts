import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ScanError } from "./errors";
import type { UsageSummary } from "@/lib/core/types";
import type { FileDone, FromWorker, S3Credentials, ToWorker, WorkerInit } from "./worker-protocol";
import { isScanError } from "./errors";
import type { ObjectUrl } from "@/lib/logs/s3-object-reader";
import { scanWorkerBundle } from "./worker-bundle";

const WORKER_FILE = "scan-worker.mjs";
/** results a worker may have waiting for the main thread (bounds memory while it is busy) */
const RESULT_WINDOW_PER_WORKER = 16;
/**
 * A worker allocates one inflated buffer per file and little else. The buffers live outside V8's
 * heap and are freed when a collection finds their wrappers dead; a small young generation makes
 * those collections frequent, so the dead buffers waiting for one stay few whatever the files'
 * size. 2 MB: peak RSS 164-168 MB on the 270 MB trail and 178-180 MB on the 1 GB one (4x larger
 * files), against 180 / 200 MB with 4 MB; no measurable change in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256 };

/**
 * The worker entry on disk. From source (tsx, vitest) it sits next to this module; inside a bundle
 * (Next.js server chunks) this module's URL points into .next/, so fall back to the project root,
 * which is the working directory of `next start`, `npm run ...` and the job worker.
 */
export function resolveTsxWorkerEntry(): string {
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(fileURLToPath(import.meta.url)), WORKER_FILE));
  } catch {
    // not a file: URL inside a bundle
  }
  candidates.push(path.join(process.cwd(), "lib", "engine", WORKER_FILE));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new ScanError("SERVICE", `scan worker not found (looked at ${candidates.join(", ")}); run from the project root`);
  return found;
}

/** The bundled worker when esbuild can build it, else the tsx entry (see worker-bundle.ts). */
export async function resolveWorkerEntry(): Promise<string> {
  const tsxEntry = resolveTsxWorkerEntry();
  const bundled = await scanWorkerBundle(path.resolve(path.dirname(tsxEntry), "..", ".."));
  return bundled ?? tsxEntry;
}

export interface PoolHandlers {
  onDone: (m: FileDone) => void;
  onFatal: (e: ScanError) => void;
  /** S3 sources: the credentials and region the workers sign with (the main thread's S3 client's providers) */
  s3Access?: () => Promise<{ credentials: S3Credentials; region: string; url?: ObjectUrl }>;
}

/**
 * A fixed set of scan workers. Listed keys are broadcast to all of them; each claims the next one
 * through a shared counter, so a busy main thread never leaves them idle.
 */
export class ScanPool {
  private readonly workers: Worker[] = [];
  private terminated = false;
  private nextRetry = 0;
  private readonly shared: Int32Array;
  /** a scan of many principals: the summaries each worker sent when asked (summarize) */
  private summaries: ((u: UsageSummary[]) => void)[] = [];

  private handlers?: PoolHandlers;
  /** what happened before attach() (a prestarted pool): replayed to the handlers */
  private early: ((h: PoolHandlers) => void)[] = [];

  /** Without handlers the pool is prestarted: its workers are unref'd and wait for attach(). */
  constructor(entry: string, size: number, init: Omit<WorkerInit, "counter" | "resultWindow">, handlers?: PoolHandlers) {
    this.handlers = handlers;
    this.shared = new Int32Array(new SharedArrayBuffer(8));
    const data: WorkerInit = {
      ...init,
      counter: this.shared.buffer as SharedArrayBuffer,
      resultWindow: RESULT_WINDOW_PER_WORKER * size,
      warmUp: !handlers,
    };
    const on = (f: (h: PoolHandlers) => void) => (this.handlers ? f(this.handlers) : this.early.push(f));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData: data, execArgv: [], resourceLimits: WORKER_LIMITS });
      worker.on("message", (m: FromWorker) => {
        if (m.type === "summaries") return this.summaries[i]?.(m.usages);
        if (m.type === "s3-access") {
          return on((h) => {
            const reply = (r: Extract<ToWorker, { type: "s3-access" }>) => !this.terminated && worker.postMessage(r);
            if (!h.s3Access)
              return reply({ type: "s3-access", error: { code: "SERVICE", message: "internal error: no S3 access for this scan" } });
            h.s3Access().then(
              (a) => reply({ type: "s3-access", ...a }),
              (e: unknown) =>
                reply({ type: "s3-access", error: { code: isScanError(e) ? e.code : "SERVICE", message: (e as Error).message } }),
            );
          });
        }
        on((h) => {
          if (m.type === "batch") for (const r of m.results) h.onDone(r);
          else h.onFatal(new ScanError(m.code, m.message));
        });
      });
      worker.on("error", (e) => on((h) => h.onFatal(new ScanError("SERVICE", `scan worker failed: ${e.message}`, { cause: e }))));
      worker.on("exit", (code) => {
        if (!this.terminated && code !== 0) on((h) => h.onFatal(new ScanError("SERVICE", `scan worker exited with code ${code}`)));
      });
      if (!handlers) worker.unref();
      this.workers.push(worker);
    }
  }

  /** Gives a prestarted pool its scan: events so far are delivered now, and the workers keep the process alive. */
  attach(handlers: PoolHandlers): void {
    this.handlers = handlers;
    for (const w of this.workers) w.ref();
    for (const f of this.early.splice(0)) f(handlers);
  }

  /** The main thread has taken the result of a claimed file: the workers may claim one more. */
  acknowledge(): void {
    // Waking waiters is a system call: do it every few results (workers also re-check every 100 ms).
    if ((Atomics.add(this.shared, 1, 1) & 3) === 3) Atomics.notify(this.shared, 1);
  }

  addKeys(keys: string[]): void {
    const m: ToWorker = { type: "keys", keys };
    for (const w of this.workers) w.postMessage(m);
  }

  listingDone(): void {
    for (const w of this.workers) w.postMessage({ type: "listed" } satisfies ToWorker);
  }

  /** Reads one file again with every record parsed (the fast path split it wrongly). */
  retryFullParse(key: string): void {
    const w = this.workers[this.nextRetry++ % this.workers.length];
    w.postMessage({ type: "file", key, fullParse: true } satisfies ToWorker);
  }

  /** A scan of many principals, every file read: each worker's accumulators' summaries. */
  summarize(): Promise<UsageSummary[][]> {
    return Promise.all(
      this.workers.map(
        (w, i) =>
          new Promise<UsageSummary[]>((resolve) => {
            this.summaries[i] = resolve;
            w.postMessage({ type: "summarize" } satisfies ToWorker);
          }),
      ),
    );
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
