import { AppError } from "@/lib/errors";
import type { GenerationJob, PrismaClient } from "@/lib/generated/prisma/client";
import { generationQuotas } from "./quotas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job with this id if it exists and is within retention; otherwise ResourceNotFound. */
export async function findVisibleJob(db: PrismaClient, jobId: string, now = new Date()): Promise<GenerationJob> {
  const cutoff = new Date(now.getTime() - generationQuotas().retentionDays * 86_400_000);
  const job = UUID.test(jobId) ? await db.generationJob.findUnique({ where: { id: jobId.toLowerCase() } }) : null;
  if (!job || job.startedOn < cutoff) {
    throw new AppError("NOT_FOUND", `No policy generation job with id ${jobId} (jobs are kept ${generationQuotas().retentionDays} days).`, {
      details: { resourceId: jobId, resourceType: "PolicyGeneration" },
    });
  }
  return job;
}
