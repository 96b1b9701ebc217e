// CancelPolicyGeneration: marks the job CANCELED at once; the worker running it sees the change at
// its next heartbeat (about a second) and aborts the scan. Canceling a finished job changes nothing.
import { findVisibleJob } from "./find-visible-job";
import { jobsContext, type JobsContext } from "./queue";

export async function cancelPolicyGeneration(options: { jobId: string; ctx?: Pick<JobsContext, "db">; now?: Date }): Promise<void> {
  const { db } = options.ctx ?? (await jobsContext());
  const job = await findVisibleJob(db, options.jobId);
  const now = options.now ?? new Date();
  await db.generationJob.updateMany({
    where: { id: job.id, status: "IN_PROGRESS" },
    data: { status: "CANCELED", completedOn: now, cancelRequestedAt: now },
  });
}
