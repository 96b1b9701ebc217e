import { availableParallelism } from "node:os";
import type { ScanRequest, ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { CloudTrailRecord } from "@/lib/core/types";
import type { UsageAccumulator } from "@/lib/core/usage";
import { createLogStore } from "@/lib/logs/create-log-store";
import { displayKey } from "@/lib/logs/log-store";
import { listLogFiles } from "@/lib/logs/list-log-files";
import { ScanError, isScanError } from "./errors";
import { acceptCandidates } from "./accept-candidates";
import { ScanPool } from "./scan-pool";
import { validateScanRequest } from "./validate-scan-request";
import type { FileDone } from "./worker-protocol";

export interface RunScanOptions {
  request: ScanRequest;
  signal?: AbortSignal;
  onProgress?: (s: ScanStats) => void;
  onWarning?: (w: ScanWarning) => void;
  /** worker threads; default: every core */
  workers?: number;
  /** false parses every record in full (the reference path; tests and diagnosis) */
  fastPath?: boolean;
}

export interface ScanResult {
  usage: UsageSummary;
  stats: ScanStats;
  warnings: ScanWarning[];
  /** readMs: listing and reading every file; totalMs: until the result (the IAM catalog loaded) */
  timing: { readMs: number; totalMs: number };
}

/** Warnings kept in the result; all of them still go to onWarning. */
export const MAX_KEPT_WARNINGS = 1000;
const PROGRESS_EVERY_MS = 200;

/**
 * Reads a trail's logs for one principal and window and returns what it did. Validation happens
 * before any I/O; listing feeds a pool of worker threads as it goes; cancellation terminates the
 * workers at once. See docs/engine.md.
 */
export async function runScan(o: RunScanOptions): Promise<ScanResult> {
  const { request } = o;
  const started = performance.now();
  const principal = validateScanRequest(request);
  if (o.signal?.aborted) throw new ScanError("ABORTED", "the scan was canceled");
  const stats: ScanStats = { filesListed: 0, filesRead: 0, filesTotal: 0, filesSkipped: 0, bytesCompressed: 0, bytesUncompressed: 0, eventsRead: 0, eventsMatched: 0 };
  const warnings: ScanWarning[] = [];
  const warn = (w: ScanWarning) => {
    if (warnings.length < MAX_KEPT_WARNINGS) warnings.push(w);
    o.onWarning?.(w);
  };
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!o.onProgress || (!force && now - lastProgress < PROGRESS_EVERY_MS)) return;
    lastProgress = now;
    o.onProgress({ ...stats });
  };

  // The accumulator needs the IAM catalog, which takes a moment to load: load it while the workers
  // start and read; records found meanwhile wait in `pending`.
  let acc: UsageAccumulator | undefined;
  const pending: CloudTrailRecord[] = [];
  const accReady = import("@/lib/core/usage").then((m) => {
    acc = new m.UsageAccumulator(principal, { start: request.window.start, end: request.window.end });
    for (const r of pending.splice(0)) if (acc.add(r)) stats.eventsMatched++;
    return acc;
  });
  const internal = new AbortController();
  const store = createLogStore(request.source);
  const queue: string[] = [];
  const retry: string[] = [];
  let listingDone = false;
  let pool: ScanPool | undefined;
  let nextId = 0;

  return new Promise<ScanResult>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      internal.abort();
      o.signal?.removeEventListener("abort", onAbort);
      void pool?.terminate();
      reject(isScanError(e) ? e : new ScanError("SERVICE", `scan failed: ${(e as Error)?.message ?? String(e)}`, { cause: e }));
    };
    const onAbort = () => fail(new ScanError("ABORTED", "the scan was canceled"));
    accReady.catch(fail);
    o.signal?.addEventListener("abort", onAbort, { once: true });

    const onDone = (m: FileDone) => {
      const file = displayKey(request.source, m.key);
      const accepted = acceptCandidates(m.candidates, principal, file);
      if (!accepted.ok) {
        // The fast path split this file wrongly (a nested record-like array): read it again in full.
        retry.push(m.key);
        pump();
        return;
      }
      stats.filesRead++;
      stats.bytesCompressed += m.bytesCompressed;
      stats.bytesUncompressed += m.bytesUncompressed;
      stats.eventsRead += m.eventsRead;
      if (acc) {
        for (const r of accepted.records) if (acc.add(r)) stats.eventsMatched++;
      } else pending.push(...accepted.records);
      if (m.skipped) {
        stats.filesSkipped++;
        warn(m.skipped);
      }
      if (accepted.badRecords) warn(accepted.badRecords);
      progress();
      pump();
    };

    const finish = async () => {
      const readMs = Math.round(performance.now() - started);
      await pool?.terminate();
      if (settled) return;
      const usage = (await accReady).summary();
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener("abort", onAbort);
      progress(true);
      resolve({ usage, stats: { ...stats }, warnings, timing: { readMs, totalMs: Math.round(performance.now() - started) } });
    };

    const pump = () => {
      if (settled) return;
      while (queue.length > 0 || retry.length > 0) {
        if (!pool) {
          const workers = Math.max(1, o.workers ?? availableParallelism());
          const init = {
            principalArn: principal.arn,
            window: { start: request.window.start.toISOString(), end: request.window.end.toISOString() },
            source: request.source,
            fastPath: o.fastPath ?? true,
          };
          // S3 reads wait on the network: keep more of them in flight per worker than disk reads.
          pool = new ScanPool(workers, request.source.kind === "s3" ? 8 : 2, init, onDone, fail);
        }
        if (!pool.hasCapacity()) return;
        if (retry.length > 0) pool.dispatch(nextId++, retry.shift()!, true);
        else pool.dispatch(nextId++, queue.shift()!);
      }
      if (listingDone && (!pool || pool.inflight === 0)) finish().catch(fail);
    };

    listLogFiles({
      store,
      prefix: request.source.prefix,
      orgId: request.orgId,
      accounts: request.accounts ?? [principal.accountId],
      regions: request.regions,
      window: request.window,
      signal: internal.signal,
      concurrency: request.source.kind === "s3" ? 8 : 4,
      onFile: (ref) => {
        stats.filesListed++;
        queue.push(ref.key);
        progress();
        pump();
      },
      onSkippedFile: (w) => {
        stats.filesListed++;
        stats.filesSkipped++;
        warn({ ...w, file: displayKey(request.source, w.file) });
      },
      onWarning: warn,
    })
      .then(() => {
        listingDone = true;
        stats.filesTotal = stats.filesListed;
        progress(true);
        pump();
      })
      .catch(fail);
  });
}
