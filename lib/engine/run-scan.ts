import { setMaxListeners } from "node:events";
import type { ScanRequest, ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { CloudTrailRecord } from "@/lib/core/types";
import type { Principal } from "@/lib/core/types";
import type { UsageAccumulator } from "@/lib/core/usage";
import { mergeUsage } from "@/lib/core/usage-merge";
import type { PrincipalSelection } from "./scan-file-principals";
import { createLogStore } from "@/lib/logs/create-log-store";
import { displayKey } from "@/lib/logs/log-store";
import { listLogFiles } from "@/lib/logs/list-log-files";
import { ScanError, isScanError } from "./errors";
import { acceptCandidates } from "./accept-candidates";
import { poolInit, poolSize, takePrestarted } from "./prestart-scan";
import { ScanPool, resolveWorkerEntry } from "./scan-pool";
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
  /** S3 reads in flight over all workers (default DEFAULT_S3_IN_FLIGHT) */
  s3InFlight?: number;
  /** the worker script (default: the esbuild bundle, else the tsx entry; see scan-pool.ts) */
  workerEntry?: string;
}

export interface ScanResult {
  usage: UsageSummary;
  stats: ScanStats;
  warnings: ScanWarning[];
  /**
   * readMs: listing and reading every file (until the last worker finished its last file);
   * totalMs: until the result (which also waits for the IAM catalog to load)
   */
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
  const principal = validateScanRequest(o.request);
  const { usage, stats, warnings, timing } = await scanTrail({ ...o, principal });
  return { usage: usage!, stats, warnings, timing };
}

/**
 * The scan behind runScan (one principal: `principal`) and runScanPrincipals (many: `select`, its
 * request's principalArn unused; each worker accumulates every selected principal itself and the
 * summaries are merged at the end). The request is validated by the caller.
 */
export async function scanTrail(
  o: RunScanOptions &
    (
      | { principal: Principal; select?: undefined; accounts?: undefined }
      | { principal?: undefined; select: PrincipalSelection; accounts: string[] }
    ),
): Promise<Omit<ScanResult, "usage"> & { usage?: UsageSummary; usages?: UsageSummary[] }> {
  const { request, select } = o;
  const started = performance.now();
  const principal = o.principal!; // only read when there is no selection
  if (o.signal?.aborted) throw new ScanError("ABORTED", "the scan was canceled");
  const stats: ScanStats = {
    filesListed: 0,
    filesRead: 0,
    filesTotal: 0,
    filesSkipped: 0,
    bytesCompressed: 0,
    bytesUncompressed: 0,
    eventsRead: 0,
    eventsMatched: 0,
  };
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
    // Records waiting for the accumulator are counted as the accumulator will (inclusive window).
    o.onProgress({ ...stats, eventsMatched: stats.eventsMatched + pendingInWindow });
  };

  // The accumulator needs the IAM catalog: instant once a process has loaded it (a server, a job
  // worker after its first scan, the CLI which loads it before scanning); otherwise it loads now,
  // while the workers start. Records found meanwhile wait in `pending`; the workers pause while the
  // main thread is busy (see ScanPool.acknowledge), so memory stays bounded.
  let acc: UsageAccumulator | undefined;
  const pending: CloudTrailRecord[] = [];
  let pendingInWindow = 0;
  const [from, to] = [request.window.start.getTime(), request.window.end.getTime()];
  const hold = (r: CloudTrailRecord) => {
    pending.push(r);
    const t = Date.parse(r.eventTime!);
    if (t >= from && t <= to) pendingInWindow++;
  };
  let accReady: Promise<UsageAccumulator> | undefined;
  const loadAccumulator = () =>
    (accReady ??= import("@/lib/core/usage").then((m) => {
      acc = new m.UsageAccumulator(principal, { start: request.window.start, end: request.window.end });
      for (const r of pending.splice(0)) if (acc.add(r)) stats.eventsMatched++;
      pendingInWindow = 0;
      return acc;
    }));
  if (!select) loadAccumulator().catch(() => {}); // a failure surfaces in finish()
  const internal = new AbortController();
  // Every S3 listing in flight (16) listens to it.
  setMaxListeners(64, internal.signal);
  let pool: ScanPool | undefined;
  let batch: string[] = [];
  let dispatched = 0; // files handed to the workers (retries included)
  let completed = 0;
  let listingDone = false;
  let lastDoneAt = 0;
  let listedAt = 0;

  return new Promise((resolve, reject) => {
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
    const storeReady = createLogStore(request.source);
    storeReady.catch(() => {}); // a failure surfaces through the listing
    /** S3: the workers sign with the credentials of this store's client (one provider per scan) */
    const s3Access = async () => {
      const access = (await storeReady).s3Access?.();
      if (!access) throw new ScanError("SERVICE", "internal error: the source has no S3 access");
      const { s3ScanError } = await import("@/lib/logs/s3-errors");
      try {
        const [c, region, url] = await Promise.all([access.credentials(), access.region(), access.objectUrl?.()]);
        return {
          credentials: {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            sessionToken: c.sessionToken,
            expiration: c.expiration?.getTime(),
          },
          region,
          url,
        };
      } catch (e) {
        throw s3ScanError(e, `s3://${request.source.kind === "s3" ? request.source.bucket : ""}`);
      }
    };
    o.signal?.addEventListener("abort", onAbort, { once: true });

    const size = poolSize(o.workers);
    const init = poolInit(request, select ? undefined : principal, o.fastPath ?? true, size, o.s3InFlight, select);
    const handlers = { onDone: (m: FileDone) => onDone(m), onFatal: fail, s3Access };
    const startPool = (): ScanPool => {
      pool ??= new ScanPool(workerEntry, size, init, handlers);
      return pool;
    };
    /** the workers: prestarted ones (see prestart-scan.ts) or new ones, started while listing */
    const poolReady = async () => {
      const prestarted = o.workerEntry ? undefined : await takePrestarted(init, size);
      if (prestarted) {
        if (settled) return void prestarted.terminate();
        pool = prestarted;
        pool.attach(handlers);
        return;
      }
      workerEntry = o.workerEntry ?? (await resolveWorkerEntry());
      // Workers take tens of milliseconds to start (more on a busy machine): start them while the
      // first folders are listed rather than after. A trail with nothing in the window pays that
      // start for nothing, which is cheap next to every other scan waiting for it.
      if (!settled) startPool();
    };
    const flush = () => {
      if (batch.length === 0 || settled) return;
      startPool().addKeys(batch);
      batch = [];
    };

    const onDone = (m: FileDone) => {
      if (settled) return;
      completed++;
      lastDoneAt = Math.max(lastDoneAt, m.at);
      if (!m.retry) pool!.acknowledge();
      const file = displayKey(request.source, m.key);
      if (select) {
        stats.filesRead++;
        stats.bytesCompressed += m.bytesCompressed;
        stats.bytesUncompressed += m.bytesUncompressed;
        stats.eventsRead += m.eventsRead;
        stats.eventsMatched += m.matched ?? 0;
        if (m.skipped) {
          stats.filesSkipped++;
          warn(m.skipped);
        }
        if (m.badRecords) warn({ ...m.badRecords, file });
        progress();
        maybeFinish();
        return;
      }
      const accepted = acceptCandidates(m.candidates, principal, file);
      if (!accepted.ok) {
        // The fast path split this file wrongly (a nested record-like array): read it again in full.
        dispatched++;
        pool!.retryFullParse(m.key);
        return;
      }
      stats.filesRead++;
      stats.bytesCompressed += m.bytesCompressed;
      stats.bytesUncompressed += m.bytesUncompressed;
      stats.eventsRead += m.eventsRead;
      if (acc) {
        for (const r of accepted.records) if (acc.add(r)) stats.eventsMatched++;
      } else accepted.records.forEach(hold);
      if (m.skipped) {
        stats.filesSkipped++;
        warn(m.skipped);
      }
      if (accepted.badRecords) warn(accepted.badRecords);
      progress();
      maybeFinish();
    };

    const maybeFinish = () => {
      if (listingDone && completed === dispatched) finish().catch(fail);
    };

    const finish = async () => {
      const readEnd = Math.max(lastDoneAt, listedAt) || performance.timeOrigin + performance.now();
      const readMs = Math.round(readEnd - (performance.timeOrigin + started));
      if (select) {
        const parts = pool ? (await pool.summarize()).flat() : [];
        await pool?.terminate();
        if (settled) return;
        settled = true;
        o.signal?.removeEventListener("abort", onAbort);
        progress(true);
        const usages = mergeByPrincipal(parts);
        resolve({ usages, stats: { ...stats }, warnings, timing: { readMs, totalMs: Math.round(performance.now() - started) } });
        return;
      }
      await pool?.terminate();
      if (settled) return;
      const usage = (await loadAccumulator()).summary();
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener("abort", onAbort);
      progress(true);
      resolve({ usage, stats: { ...stats }, warnings, timing: { readMs, totalMs: Math.round(performance.now() - started) } });
    };

    let workerEntry = "";
    Promise.all([storeReady, poolReady()])
      .then(([store]) =>
        listLogFiles({
          store,
          prefix: request.source.prefix,
          orgId: request.orgId,
          accounts: select ? o.accounts : (request.accounts ?? [principal.accountId]),
          regions: request.regions,
          window: request.window,
          signal: internal.signal,
          concurrency: request.source.kind === "s3" ? 16 : 4,
          onFile: (ref) => {
            stats.filesListed++;
            dispatched++;
            // Start the workers with the first file; later keys go out in batches.
            if (batch.push(ref.key) >= 256 || !pool) flush();
            else if (batch.length === 1) setImmediate(flush);
            progress();
          },
          onSkippedFile: (w) => {
            stats.filesListed++;
            stats.filesSkipped++;
            warn({ ...w, file: displayKey(request.source, w.file) });
          },
          onWarning: warn,
        }),
      )
      .then(() => {
        listedAt = performance.timeOrigin + performance.now();
        flush();
        pool?.listingDone();
        listingDone = true;
        stats.filesTotal = stats.filesListed;
        progress(true);
        maybeFinish();
      })
      .catch(fail);
  });
}

/** One summary per principal: the workers' parts merged, sorted by ARN. */
function mergeByPrincipal(parts: UsageSummary[]): UsageSummary[] {
  const by = new Map<string, UsageSummary>();
  for (const u of parts) {
    const had = by.get(u.principalArn);
    by.set(u.principalArn, had ? mergeUsage(had, u) : u);
  }
  return [...by.values()].sort((a, b) => (a.principalArn < b.principalArn ? -1 : a.principalArn > b.principalArn ? 1 : 0));
}
