// Runs generation jobs from the queue in this process (the web server's in-process worker, or
// `npm run worker`). Every worker also recovers jobs of dead workers and purges expired results.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { GENERATION_QUEUE, type JobsContext } from "./queue";
import { purgeExpiredGenerations } from "./purge-expired-generations";
import { recoverStaleJobs } from "./recover-stale-jobs";
import { runGenerationJob } from "./run-generation-job";

export interface GenerationWorkers {
  workerId: string;
  stop(): Promise<void>;
}

export async function startGenerationWorkers(options: {
  ctx: JobsContext;
  concurrency: number;
  maintenanceEveryMs?: number;
  log?: (line: string) => void;
}): Promise<GenerationWorkers> {
  const { ctx } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const maintain = async () => {
    try {
      const { requeued, failed } = await recoverStaleJobs({ ctx });
      for (const id of requeued) log(`[worker] job ${id}: its worker died; queued again`);
      for (const id of failed) log(`[worker] job ${id}: its worker died too often; marked FAILED`);
      await purgeExpiredGenerations({ ctx });
    } catch (error) {
      log(`[worker] maintenance failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await maintain();
  const timer = setInterval(() => void maintain(), options.maintenanceEveryMs ?? 15_000);
  const workId = await ctx.boss.work<{ jobId: string }>(
    GENERATION_QUEUE,
    { localConcurrency: options.concurrency, pollingIntervalSeconds: 0.5, batchSize: 1 },
    async ([job]) => {
      const started = Date.now();
      const outcome = await runGenerationJob({ jobId: job.data.jobId, workerId, ctx });
      if (outcome === "ran") log(`[worker] job ${job.data.jobId} finished in ${Date.now() - started} ms`);
    },
  );
  return {
    workerId,
    async stop() {
      clearInterval(timer);
      await ctx.boss.offWork(GENERATION_QUEUE, { id: workId, wait: false }).catch(() => {});
    },
  };
}
