// `npm run worker`: a standalone generation worker sharing the queue with the web server (and with
// other workers), so generation scales beyond the web process. Same database settings as the server
// (DATABASE_URL, or the embedded database served by a running server / opened here if none runs).
import "../lib/catalog-cache/install"; // first: the IAM catalog loads from its snapshot file
import "../lib/catalog-update/install"; // a refreshed operation map in the data directory, if any
import { closeDb } from "../lib/db";
import { env } from "../lib/env";
import { closeJobsContext, jobsContext } from "../lib/jobs/queue";
import { startGenerationWorkers } from "../lib/jobs/start-generation-workers";

async function main(): Promise<void> {
  const ctx = await jobsContext();
  const concurrency = env().LEASTWISE_WORKER_CONCURRENCY;
  const workers = await startGenerationWorkers({ ctx, concurrency });
  console.log(`[worker] ${workers.workerId} running up to ${concurrency} generation(s) at once`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping (running jobs are resumed by another worker)`);
    await workers.stop();
    await closeJobsContext();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[worker] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
