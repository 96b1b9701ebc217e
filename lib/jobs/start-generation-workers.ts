// Runs generation jobs from the queue in this process (the web server's in-process worker, or
// `npm run worker`). Every worker also recovers jobs of dead workers and purges expired results.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
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
  const timer = setInterval(() => void maintain(), options.maintenanceEveryMs ?? env().LEASTWISE_WORKER_MAINTENANCE_S * 1000);
  const workId = await ctx.boss.work<{ jobId: string }>(
    GENERATION_QUEUE,
    { localConcurrency: options.concurrency, pollingIntervalSeconds: 0.5, batchSize: 1 },
    async ([job]) => {
      const started = Date.now();
      const threads = env().LEASTWISE_SCAN_THREADS;
      const r = await runGenerationJob({ jobId: job.data.jobId, workerId, ctx, ...(threads ? { scanWorkers: threads } : {}) });
      if (r.outcome === "skipped") return;
      const files = r.progress ? ` (files read ${r.progress.filesRead}/${r.progress.filesTotal})` : "";
      const why =
        r.outcome === "failed"
          ? `: ${r.error?.code} ${r.error?.message}`
          : r.outcome === "stopped"
            ? " (canceled, or taken over by another worker)"
            : "";
      log(`[worker] job ${job.data.jobId} ${r.outcome} after ${Date.now() - started} ms${files}${why}`);
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
