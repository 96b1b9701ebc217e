// A job whose worker died (killed, out of memory, machine lost) stops beating. Such a job is
// queued again to run from the start (a scan has no side effects), at most MAX_ATTEMPTS times in
// all; after that it fails with SERVICE_ERROR and says why. Never IN_PROGRESS forever.
import type { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { GENERATION_QUEUE, type JobsContext } from "./queue";

export const MAX_ATTEMPTS = 2;

export async function recoverStaleJobs(options: { ctx: JobsContext; now?: Date }): Promise<{ requeued: string[]; failed: string[] }> {
  const { db, boss } = options.ctx;
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - env().LEASTWISE_JOB_HEARTBEAT_TIMEOUT_S * 1000);
  const stale = await db.generationJob.findMany({
    where: { status: "IN_PROGRESS", heartbeatAt: { lt: staleBefore } },
    select: { id: true, attempts: true, heartbeatAt: true, workerId: true },
  });
  const requeued: string[] = [];
  const failed: string[] = [];
  for (const job of stale) {
    // The condition on heartbeatAt makes this a claim: of several recovering workers one wins.
    const guard = { id: job.id, status: "IN_PROGRESS" as const, heartbeatAt: job.heartbeatAt };
    if (job.attempts >= MAX_ATTEMPTS) {
      const r = await db.generationJob.updateMany({
        where: guard,
        data: {
          status: "FAILED",
          completedOn: now,
          errorCode: "SERVICE_ERROR",
          errorMessage: `The worker running this generation stopped responding (last heartbeat ${job.heartbeatAt?.toISOString()}, worker ${job.workerId}) and it was retried ${job.attempts - 1} time(s). Check the worker's memory and logs, then start the generation again.`,
        },
      });
      if (r.count) failed.push(job.id);
    } else {
      const r = await db.generationJob.updateMany({ where: guard, data: { heartbeatAt: null, workerId: null } });
      if (r.count) {
        await send(boss, job.id);
        requeued.push(job.id);
      }
    }
  }
  return { requeued, failed };
}

async function send(boss: PgBoss, jobId: string) {
  await boss.send(GENERATION_QUEUE, { jobId, resumed: true });
}
