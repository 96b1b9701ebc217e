// Next.js start-up hook: the web server runs an in-process generation worker (unless
// LEASTWISE_INPROCESS_WORKER=0, e.g. when `npm run worker` processes run elsewhere).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/catalog-cache/install"); // the IAM catalog from its snapshot file (see lib/core/catalog-snapshot.ts)
  await import("./lib/catalog-update/install"); // a refreshed operation map (`leastwise catalog update`), if any
  const { env } = await import("./lib/env");
  if (env().LEASTWISE_INPROCESS_WORKER !== "1") return;
  const { jobsContext } = await import("./lib/jobs/queue");
  const { startGenerationWorkers } = await import("./lib/jobs/start-generation-workers");
  try {
    const ctx = await jobsContext();
    const workers = await startGenerationWorkers({ ctx, concurrency: env().LEASTWISE_WORKER_CONCURRENCY });
    console.log(`[worker] in-process worker ${workers.workerId} started`);
  } catch (error) {
    console.error(`[worker] the in-process worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
