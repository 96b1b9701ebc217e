// Results and listings are kept for the retention period (AWS: 7 days), then deleted with their
// results and active-policy pointers (cascade).
import { jobsContext, type JobsContext } from "./queue";
import { generationQuotas } from "./quotas";

export async function purgeExpiredGenerations(options: { ctx?: Pick<JobsContext, "db">; now?: Date } = {}): Promise<number> {
  const { db } = options.ctx ?? (await jobsContext());
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - generationQuotas().retentionDays * 86_400_000);
  const { count } = await db.generationJob.deleteMany({ where: { startedOn: { lt: cutoff }, status: { not: "IN_PROGRESS" } } });
  return count;
}
