import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ScanError } from "./errors";
import type { FileDone, FromWorker, ToWorker, WorkerInit } from "./worker-protocol";

const WORKER_FILE = "scan-worker.mjs";

/**
 * The worker entry on disk. From source (tsx, vitest) it sits next to this module; inside a bundle
 * (Next.js server chunks) this module's URL points into .next/, so fall back to the project root,
 * which is the working directory of `next start`, `npm run ...` and the job worker.
 */
export function resolveWorkerEntry(): string {
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

interface Slot {
  worker: Worker;
  inflight: number;
}

/** A fixed set of scan workers fed file keys one by one, each keeping a few files in flight. */
export class ScanPool {
  private readonly slots: Slot[] = [];
  private terminated = false;

  constructor(
    size: number,
    private readonly perWorker: number,
    init: WorkerInit,
    private readonly onDone: (m: FileDone) => void,
    private readonly onFatal: (e: ScanError) => void,
  ) {
    const entry = resolveWorkerEntry();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData: init, execArgv: [] });
      const slot: Slot = { worker, inflight: 0 };
      worker.on("message", (m: FromWorker) => {
        if (m.type === "done") {
          slot.inflight--;
          this.onDone(m);
        } else this.onFatal(new ScanError(m.code, m.message));
      });
      worker.on("error", (e) => this.onFatal(new ScanError("SERVICE", `scan worker failed: ${e.message}`, { cause: e })));
      worker.on("exit", (code) => {
        if (!this.terminated && code !== 0) this.onFatal(new ScanError("SERVICE", `scan worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get inflight(): number {
    return this.slots.reduce((n, s) => n + s.inflight, 0);
  }

  hasCapacity(): boolean {
    return this.inflight < this.slots.length * this.perWorker;
  }

  dispatch(id: number, key: string, fullParse = false): void {
    let best = this.slots[0];
    for (const s of this.slots) if (s.inflight < best.inflight) best = s;
    best.inflight++;
    best.worker.postMessage({ type: "file", id, key, fullParse } satisfies ToWorker);
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
