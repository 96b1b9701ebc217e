import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildReadSummary, type ReadSummary } from "@/lib/core/read-summary";
import type { ScanWarning, UsageSummary } from "@/lib/core/types";
import type { StoredScanStats } from "@/lib/jobs/run-generation-job";
import { normalizeSelection, type DraftSelection } from "./draft-selection";

export interface WizardJob {
  jobId: string;
  principalArn: string;
  window: { start: string; end: string };
  completedOn: string;
  usage: UsageSummary;
  selection: DraftSelection;
  documentText: string | null;
  readSummary: ReadSummary;
}

const notFound = () =>
  new AppError(
    "NOT_FOUND",
    "There is no generated policy to review: it expired (results are kept 7 days) or was replaced by a newer generation. Generate a policy again.",
  );

/** A succeeded generation's usage with the wizard draft, by job id (what the wizard's actions act on). */
export async function getWizardJob(options: { jobId: string }): Promise<WizardJob> {
  if (!/^[0-9a-f-]{36}$/i.test(options.jobId)) throw notFound();
  const db = await getDb();
  const since = new Date(Date.now() - env().LEASTWISE_RETENTION_DAYS * 86_400_000);
  const job = await db.generationJob.findFirst({
    where: { id: options.jobId, status: "SUCCEEDED", startedOn: { gte: since } },
    include: { result: true },
  });
  if (!job?.result) throw notFound();
  const draft = await db.policyDraft.findUnique({ where: { principalArn_jobId: { principalArn: job.principalArn, jobId: job.id } } });
  return {
    jobId: job.id,
    principalArn: job.principalArn,
    window: { start: job.startTime.toISOString(), end: job.endTime.toISOString() },
    completedOn: (job.completedOn ?? job.startedOn).toISOString(),
    usage: job.result.usage as unknown as UsageSummary,
    selection: normalizeSelection(draft?.selection),
    documentText: draft?.documentText ?? null,
    readSummary: buildReadSummary({
      stats: job.result.stats as unknown as StoredScanStats,
      warnings: job.result.warnings as unknown as ScanWarning[],
      usage: job.result.usage as unknown as UsageSummary,
      trails: (job.result.stats as unknown as StoredScanStats).trails,
    }),
  };
}

/** The entity's active generated policy (the one the console shows), or null. */
export async function getActiveWizardJob(options: { principalArn: string }): Promise<WizardJob | null> {
  const db = await getDb();
  const active = await db.activeGeneratedPolicy.findUnique({ where: { principalArn: options.principalArn } });
  if (!active) return null;
  try {
    return await getWizardJob({ jobId: active.jobId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
