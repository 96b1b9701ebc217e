// The worker side of a generation: claims the job row, scans every trail with the engine, keeps a
// heartbeat (with progress) while it runs, and records the outcome. The row is the source of truth:
// a cancel (status no longer IN_PROGRESS) or a takeover stops the scan at the next heartbeat, and a
// worker that dies leaves a stale heartbeat that recover-stale-jobs.ts acts on.
import { parsePrincipalArn } from "@/lib/core/arn";
import type { TrailRead } from "@/lib/core/read-summary";
import type { LogSource, ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import { mergeUsage } from "@/lib/core/usage";
import { runScan } from "@/lib/engine/run-scan";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveTrailLogSource } from "@/lib/trails/resolve-trail-log-source";
import { env } from "@/lib/env";
import type { TrailInput } from "./generation-request";
import { JobFailure, toJobError } from "./job-errors";
import type { JobsContext } from "./queue";
import { generationQuotas } from "./quotas";

const MAX_WARNINGS = 1000;

export function emptyStats(): ScanStats {
  return {
    filesListed: 0,
    filesRead: 0,
    filesTotal: 0,
    filesSkipped: 0,
    bytesCompressed: 0,
    bytesUncompressed: 0,
    eventsRead: 0,
    eventsMatched: 0,
  };
}

function addStats(a: ScanStats, b: ScanStats): ScanStats {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof ScanStats)[]) out[k] = a[k] + b[k];
  return out;
}

export async function runGenerationJob(options: {
  jobId: string;
  workerId: string;
  ctx: Pick<JobsContext, "db">;
  heartbeatMs?: number;
  /** how often the job row is read to notice a cancel (cheaper than a heartbeat write) */
  cancelCheckMs?: number;
  /** engine worker threads per scan */
  scanWorkers?: number;
}): Promise<RunOutcome> {
  const { db } = options.ctx;
  const { jobId, workerId } = options;
  const staleBefore = new Date(Date.now() - env().LEASTWISE_JOB_HEARTBEAT_TIMEOUT_S * 1000);
  const claimed = await db.generationJob.updateMany({
    where: {
      id: jobId,
      status: "IN_PROGRESS",
      OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }, { workerId }],
    },
    data: { workerId, heartbeatAt: new Date(), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return { outcome: "skipped" }; // canceled, finished, or running elsewhere
  const job = await db.generationJob.findUniqueOrThrow({ where: { id: jobId } });

  const quotas = generationQuotas();
  const controller = new AbortController();
  let failure: JobFailure | undefined;
  let done = emptyStats();
  let current = emptyStats();
  let lost = false;
  let lastMove = Date.now();
  let lastKey = "";
  const stallMs = env().LEASTWISE_SCAN_STALL_TIMEOUT_S * 1000;
  const beat = async () => {
    const key = JSON.stringify([done, current]);
    if (key !== lastKey) {
      lastKey = key;
      lastMove = Date.now();
    } else if (!failure && Date.now() - lastMove > stallMs) {
      // A hung scan would otherwise beat forever and never be recovered.
      const p = addStats(done, current);
      failure = new JobFailure(
        "SERVICE_ERROR",
        `The scan made no progress for ${Math.round(stallMs / 1000)} s (files read ${p.filesRead} of ${p.filesTotal}) and was stopped. Start the generation again; if it stalls again, check the worker's log and load.`,
      );
      controller.abort();
    }
    const progress = addStats(done, current);
    const r = await db.generationJob.updateMany({
      where: { id: jobId, status: "IN_PROGRESS", workerId },
      data: { heartbeatAt: new Date(), progress: progress as unknown as Prisma.InputJsonValue },
    });
    if (r.count === 0) {
      lost = true;
      controller.abort();
    }
  };
  const timer = setInterval(() => void beat().catch(() => {}), options.heartbeatMs ?? 1000);
  const cancelTimer = setInterval(() => {
    void db.generationJob
      .findUnique({ where: { id: jobId }, select: { status: true, workerId: true } })
      .then((row) => {
        if (!row || row.status !== "IN_PROGRESS" || row.workerId !== workerId) {
          lost = true;
          controller.abort();
        }
      })
      .catch(() => {});
  }, options.cancelCheckMs ?? 250);

  try {
    const principal = parsePrincipalArn(job.principalArn);
    let usage: UsageSummary | undefined;
    const warnings: ScanWarning[] = [];
    const trailsRead: TrailRead[] = [];
    for (const trail of job.trails as unknown as TrailInput[]) {
      const context = `Reading trail ${trail.cloudTrailArn}`;
      try {
        const resolved = await resolveTrailLogSource({
          trailArn: trail.cloudTrailArn,
          accessRole: job.accessRole,
          principalAccountId: principal.accountId,
          db,
          signal: controller.signal,
        });
        trailsRead.push({
          cloudTrailArn: trail.cloudTrailArn,
          layout: resolved.layout.kind,
          ...(resolved.layout.orgId ? { orgId: resolved.layout.orgId } : {}),
          ...(resolved.layout.orgIdFrom ? { orgIdFrom: resolved.layout.orgIdFrom } : {}),
          location: locationOf(resolved.source),
        });
        for (const note of resolved.notes)
          if (warnings.length < MAX_WARNINGS) warnings.push({ file: trail.cloudTrailArn, code: "UNEXPECTED_LAYOUT", message: note });
        const result = await abandonOnAbort(
          controller.signal,
          runScan({
            request: {
              principalArn: job.principalArn,
              window: { start: job.startTime, end: job.endTime },
              source: resolved.source,
              accounts: [principal.accountId],
              regions: trail.allRegions ? "all" : trail.regions?.length ? trail.regions : [resolved.homeRegion],
              ...(resolved.orgId ? { orgId: resolved.orgId } : {}),
            },
            signal: controller.signal,
            ...(options.scanWorkers ? { workers: options.scanWorkers } : {}),
            onProgress: (s) => {
              current = s;
              const total = addStats(done, s);
              if (!failure && total.filesTotal > quotas.maxLogFiles) {
                failure = new JobFailure(
                  "SERVICE_QUOTA_EXCEEDED_ERROR",
                  `The window holds more than ${quotas.maxLogFiles} log files (quota LEASTWISE_MAX_LOG_FILES). Choose a shorter window or fewer regions.`,
                );
                controller.abort();
              } else if (!failure && total.bytesCompressed > quotas.maxLogBytes) {
                failure = new JobFailure(
                  "SERVICE_QUOTA_EXCEEDED_ERROR",
                  `The window holds more than ${quotas.maxLogBytes / 1024 ** 3} GB of logs (quota LEASTWISE_MAX_LOG_GB). Choose a shorter window or fewer regions.`,
                );
                controller.abort();
              }
            },
          }),
        );
        done = addStats(done, result.stats);
        current = emptyStats();
        usage = usage ? mergeUsage(usage, result.usage) : result.usage;
        warnings.push(...result.warnings.slice(0, MAX_WARNINGS - warnings.length));
      } catch (error) {
        if (failure || controller.signal.aborted) throw failure ?? error;
        throw new JobFailure(toJobError(error, context).code, toJobError(error, context).message, { cause: error });
      }
    }
    const stored = await finishSucceeded({ db, job, workerId, usage: usage!, stats: { ...done, trails: trailsRead }, warnings });
    return { outcome: stored ? "succeeded" : "stopped", progress: done };
  } catch (error) {
    // Canceled or taken over: the row already says what happened.
    if (lost) return { outcome: "stopped", progress: addStats(done, current) };
    const jobError = failure ? { code: failure.code, message: failure.message } : toJobError(error, "Policy generation");
    await db.generationJob.updateMany({
      where: { id: jobId, status: "IN_PROGRESS", workerId },
      data: {
        status: "FAILED",
        completedOn: new Date(),
        errorCode: jobError.code,
        errorMessage: jobError.message,
        progress: addStats(done, current) as unknown as Prisma.InputJsonValue,
      },
    });
    return { outcome: "failed", progress: addStats(done, current), error: jobError };
  } finally {
    clearInterval(timer);
    clearInterval(cancelTimer);
  }
}

export interface RunOutcome {
  outcome: "succeeded" | "failed" | "stopped" | "skipped";
  progress?: ScanStats;
  error?: { code: string; message: string };
}

async function finishSucceeded(o: {
  db: JobsContext["db"];
  job: { id: string; principalArn: string; startedOn: Date };
  workerId: string;
  usage: UsageSummary;
  stats: StoredScanStats;
  warnings: ScanWarning[];
}): Promise<boolean> {
  return o.db.$transaction(async (tx) => {
    const r = await tx.generationJob.updateMany({
      where: { id: o.job.id, status: "IN_PROGRESS", workerId: o.workerId },
      data: { status: "SUCCEEDED", completedOn: new Date(), progress: statsOnly(o.stats) as unknown as Prisma.InputJsonValue },
    });
    if (r.count === 0) return false; // canceled at the last moment: keep CANCELED, store nothing
    await tx.generationResult.create({
      data: {
        jobId: o.job.id,
        usage: o.usage as unknown as Prisma.InputJsonValue,
        stats: o.stats as unknown as Prisma.InputJsonValue,
        warnings: o.warnings as unknown as Prisma.InputJsonValue,
      },
    });
    // One active generated policy per principal: the newest successful request wins, even if an
    // older one finishes later.
    const active = await tx.activeGeneratedPolicy.findUnique({ where: { principalArn: o.job.principalArn }, include: { job: true } });
    if (!active || active.job.startedOn <= o.job.startedOn) {
      await tx.activeGeneratedPolicy.upsert({
        where: { principalArn: o.job.principalArn },
        create: { principalArn: o.job.principalArn, jobId: o.job.id },
        update: { jobId: o.job.id },
      });
    }
    return true;
  });
}

/** The stored stats of a result: the scan's counters and what each trail's layout was. */
export type StoredScanStats = ScanStats & { trails?: TrailRead[] };

function statsOnly(s: StoredScanStats): ScanStats {
  const { trails: _trails, ...counters } = s;
  return counters;
}

function locationOf(source: LogSource): string {
  if (source.kind === "local") return `${source.dir}${source.prefix ? ` (prefix ${source.prefix})` : ""}`;
  return `s3://${source.bucket}/${source.prefix ? `${source.prefix.replace(/\/+$/, "")}/` : ""}`;
}

/** Settles when the scan does, or a few seconds after an abort if the scan ignores it. */
function abandonOnAbort<T>(signal: AbortSignal, work: Promise<T>, graceMs = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => reject(new Error("the scan did not stop after an abort")), graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
