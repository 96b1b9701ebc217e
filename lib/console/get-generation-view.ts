import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildReadSummary } from "@/lib/core/read-summary";
import type { ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { StoredScanStats } from "@/lib/jobs/run-generation-job";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GenerationView } from "./generation-view";

type JobRow = {
  id: string;
  principalArn: string;
  status: GenerationView["status"];
  startedOn: Date;
  completedOn: Date | null;
  errorCode: string | null;
  errorMessage: string | null;
  progress: unknown;
  startTime: Date;
  endTime: Date;
  trails: unknown;
  requestedBy: string;
};

export function toGenerationView(job: JobRow): GenerationView {
  return {
    jobId: job.id,
    principalArn: job.principalArn,
    status: job.status,
    startedOn: job.startedOn.toISOString(),
    completedOn: job.completedOn?.toISOString() ?? null,
    jobError: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? "" } : null,
    progress: (job.progress as ScanStats | null) ?? null,
    window: { start: job.startTime.toISOString(), end: job.endTime.toISOString() },
    trails: Array.isArray(job.trails) ? (job.trails as GenerationView["trails"]) : [],
    requestedBy: job.requestedBy.replace(/^user:/, ""),
  };
}

function retentionStart(): Date {
  return new Date(Date.now() - env().LEASTWISE_RETENTION_DAYS * 86_400_000);
}

/** One job as the console's status panel shows it (with live progress). */
export async function getGenerationView(options: { jobId: string }): Promise<GenerationView> {
  const db = await getDb();
  const job = /^[0-9a-f-]{36}$/i.test(options.jobId)
    ? await db.generationJob.findFirst({ where: { id: options.jobId, startedOn: { gte: retentionStart() } } })
    : null;
  if (!job) throw new AppError("NOT_FOUND", "This policy generation does not exist or has expired (results are kept 7 days).");
  return withReadSummary(db, toGenerationView(job));
}

/** The entity's current request: its most recent generation within the retention period, if any. */
export async function getLatestGenerationView(options: { principalArn: string }): Promise<GenerationView | null> {
  const db = await getDb();
  const job = await db.generationJob.findFirst({
    where: { principalArn: options.principalArn, startedOn: { gte: retentionStart() } },
    orderBy: { startedOn: "desc" },
  });
  return job ? withReadSummary(db, toGenerationView(job)) : null;
}

async function withReadSummary(db: PrismaClient, view: GenerationView): Promise<GenerationView> {
  if (view.status !== "SUCCEEDED") return view;
  const result = await db.generationResult.findUnique({
    where: { jobId: view.jobId },
    select: { stats: true, warnings: true, usage: true },
  });
  if (!result) return view;
  const stats = result.stats as unknown as StoredScanStats;
  return {
    ...view,
    readSummary: buildReadSummary({
      stats,
      warnings: result.warnings as unknown as ScanWarning[],
      usage: result.usage as unknown as UsageSummary,
      trails: stats.trails,
    }),
  };
}
