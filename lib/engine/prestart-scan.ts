import { availableParallelism } from "node:os";
import type { Principal, ScanRequest } from "@/lib/core/types";
import { ScanPool, resolveWorkerEntry } from "./scan-pool";
import { validateScanRequest } from "./validate-scan-request";
import type { WorkerInit } from "./worker-protocol";
import type { PrincipalSelection } from "./scan-file-principals";

export type PoolInit = Omit<WorkerInit, "counter" | "resultWindow">;

/** What a scan's workers are started with; a prestarted pool is used only when this matches. */
/**
 * S3 reads in flight for a whole scan (split over its workers) unless the caller says. At ~25 ms a
 * request, 64 in flight allow ~2,500 files/s, above what two cores inflate and sift (docs/engine.md).
 */
export const DEFAULT_S3_IN_FLIGHT = 64;
/** the most S3 reads in flight a caller may ask for */
export const MAX_S3_IN_FLIGHT = 1024;

export function poolInit(
  request: ScanRequest,
  principal: Principal | undefined,
  fastPath: boolean,
  size: number,
  s3InFlight?: number,
  select?: PrincipalSelection,
): PoolInit {
  return {
    principalArn: principal?.arn ?? "",
    ...(select ? { select } : {}),
    window: { start: request.window.start.toISOString(), end: request.window.end.toISOString() },
    source: request.source,
    fastPath,
    // S3 reads wait on the network: keep many of them in flight, disk reads hardly wait.
    concurrency:
      request.source.kind === "s3" ? Math.max(1, Math.ceil(Math.min(s3InFlight ?? DEFAULT_S3_IN_FLIGHT, MAX_S3_IN_FLIGHT) / size)) : 2,
  };
}

export const poolSize = (workers?: number) => Math.max(1, workers ?? availableParallelism());

let prepared: { key: string; pool: Promise<ScanPool | undefined> } | undefined;
/** how prestarted pools ended up (tests prove the pool is really reused) */
export const prestartCounts = { used: 0, discarded: 0 };

/**
 * Starts the worker threads of a scan that runScan will run next, so that their start (tens of
 * milliseconds, more on a busy machine) overlaps other start-up work: the CLI calls this before
 * loading the IAM catalog, which keeps the main thread busy for a second or more. The workers are
 * unref'd until runScan takes them (a process that never scans still exits). An invalid request
 * starts nothing (runScan reports it); a runScan for another request ignores and ends the pool.
 */
export function prestartScan(o: { request: ScanRequest; workers?: number; fastPath?: boolean; s3InFlight?: number }): void {
  let principal: Principal;
  try {
    principal = validateScanRequest(o.request);
  } catch {
    return;
  }
  const size = poolSize(o.workers);
  const init = poolInit(o.request, principal, o.fastPath ?? true, size, o.s3InFlight);
  void discard(prepared);
  prepared = {
    key: JSON.stringify([init, size]),
    pool: resolveWorkerEntry()
      .then((entry) => new ScanPool(entry, size, init))
      .catch(() => undefined),
  };
}

/** The prestarted pool if it was started for exactly this scan; any other one is ended. */
export async function takePrestarted(init: PoolInit, size: number): Promise<ScanPool | undefined> {
  const p = prepared;
  prepared = undefined;
  if (!p) return undefined;
  if (p.key !== JSON.stringify([init, size])) return discard(p);
  const pool = await p.pool;
  if (pool) prestartCounts.used++;
  return pool;
}

async function discard(p: typeof prepared): Promise<undefined> {
  if (!p) return undefined;
  prestartCounts.discarded++;
  await (await p.pool)?.terminate();
  return undefined;
}
