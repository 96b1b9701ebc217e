// The one Prisma client. Embedded PGlite in the data directory by default, PostgreSQL when
// DATABASE_URL is set (see lib/database/open-database.ts for how several processes share PGlite).
// Migrations are applied on first use, so every entry point (web server, worker, CLI) sees the
// current schema.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { openDatabase, type DatabaseHandle } from "./database/open-database";
import { applyMigrations } from "./database/migrations";

export type { PrismaClient } from "./generated/prisma/client";
export type Db = PrismaClient;

interface DbState {
  handle: DatabaseHandle;
  prisma: PrismaClient;
}

const globalKey = Symbol.for("leastwise.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbState> };
const g = globalThis as GlobalWithDb;

export function prismaFor(pool: DatabaseHandle["pool"]): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...pool, max: 10 }) });
}

async function connect(): Promise<DbState> {
  const e = env();
  const handle = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.LEASTWISE_DATA_DIR });
  try {
    if (e.LEASTWISE_AUTO_MIGRATE === "1") await applyMigrations({ pool: handle.pool });
    return { handle, prisma: prismaFor(handle.pool) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The process-wide Prisma client (connected and migrated on first call). */
export async function getDb(): Promise<PrismaClient> {
  g[globalKey] ??= connect().catch((error) => {
    g[globalKey] = undefined;
    throw error;
  });
  return (await g[globalKey]).prisma;
}

/** node-postgres settings of the process database, for pg-boss. */
export async function getDbPoolConfig(): Promise<DatabaseHandle["pool"]> {
  await getDb();
  return (await g[globalKey]!).handle.pool;
}

/** Closes the client and, if this process owns the embedded database, stops serving it. */
export async function closeDb(): Promise<void> {
  const state = g[globalKey];
  if (!state) return;
  g[globalKey] = undefined;
  const { prisma, handle } = await state;
  await prisma.$disconnect();
  await handle.close();
}
