// The generation queue: pg-boss on the same database as the jobs (PostgreSQL, or the embedded
// PGlite reached through its socket), so a job row and its queue entry commit together.
import { randomUUID } from "node:crypto";
import { PgBoss, fromPrisma } from "pg-boss";
import type { PoolConfig } from "pg";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getDb, getDbPoolConfig } from "@/lib/db";

export const GENERATION_QUEUE = "policy-generation";
export const MAINTENANCE_QUEUE = "policy-generation-maintenance";

export interface JobsContext {
  db: PrismaClient;
  boss: PgBoss;
}

export async function createBoss(pool: PoolConfig): Promise<PgBoss> {
  const { connectionString, host, port, user, database, password } = pool;
  const boss = new PgBoss({
    ...(connectionString ? { connectionString } : { host, port, user, database, password: password as string | undefined }),
    schema: "pgboss",
    max: 4,
    application_name: "leastwise",
  });
  boss.on("error", (error) => console.error(`[queue] ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  // Liveness is tracked by the job rows' heartbeats (see run-generation-job.ts), not by pg-boss
  // expiry: a long scan must not be retried behind a live worker's back.
  await boss
    .createQueue(GENERATION_QUEUE, { retryLimit: 0, expireInSeconds: 24 * 3600, deleteAfterSeconds: 7 * 86400 })
    .catch(ignoreExists);
  await boss.createQueue(MAINTENANCE_QUEUE, { retryLimit: 0, expireInSeconds: 600 }).catch(ignoreExists);
  // send() looks the queue up in a cache it fills on first use, through its own connection. Inside
  // a Prisma transaction on PGlite (one backend, held by the transaction) that lookup would wait for
  // the transaction that waits for it. Fill the cache now: deleting a job that cannot exist is a
  // lookup with no effect.
  await boss.deleteJob(GENERATION_QUEUE, randomUUID());
  return boss;
}

function ignoreExists(error: unknown) {
  if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
}

const key = Symbol.for("leastwise.jobs.context");
type G = typeof globalThis & { [key]?: Promise<JobsContext> };

/** The process-wide jobs context (database + started queue). */
export async function jobsContext(): Promise<JobsContext> {
  const g = globalThis as G;
  g[key] ??= (async () => {
    const db = await getDb();
    return { db, boss: await createBoss(await getDbPoolConfig()) };
  })().catch((error) => {
    g[key] = undefined;
    throw error;
  });
  return g[key];
}

export async function closeJobsContext(): Promise<void> {
  const g = globalThis as G;
  const ctx = g[key];
  g[key] = undefined;
  if (ctx) await (await ctx).boss.stop({ graceful: false, close: true }).catch(() => {});
}

/** Enqueues inside the caller's transaction (a separate connection would wait for it: deadlock on PGlite). */
export async function enqueueGeneration(boss: PgBoss, tx: Prisma.TransactionClient, jobId: string): Promise<void> {
  await boss.send(GENERATION_QUEUE, { jobId }, { db: fromPrisma(tx) });
}
