// A fresh, migrated database for one test: an in-memory PGlite served on a private socket, or a new
// database in this test file's private PostgreSQL cluster. Both are reached the way production
// reaches them (node-postgres through @prisma/adapter-pg), so tests exercise the real path.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PoolConfig } from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { prismaFor } from "../db";
import { applyMigrations } from "../database/migrations";
import { socketPoolConfig } from "../database/open-database";
import { startPgliteServer } from "../database/pglite-server";
import { acquireSharedPostgres } from "./postgres";

export type TestDbKind = "pglite" | "postgres";

export interface TestDb {
  kind: TestDbKind;
  prisma: PrismaClient;
  /** node-postgres settings (for pg-boss, raw clients) */
  pool: PoolConfig;
  /** a connection URL usable by a child process as DATABASE_URL */
  url: string;
  close(): Promise<void>;
}

export async function createTestDb(options: { kind: TestDbKind; migrate?: boolean }): Promise<TestDb> {
  const { kind } = options;
  let pool: PoolConfig;
  let url: string;
  let cleanup: () => Promise<void>;
  if (kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create();
    const socketDir = mkdtempSync(join(tmpdir(), "lw-pgl-"));
    const server = await startPgliteServer({ db, socketPath: join(socketDir, ".s.PGSQL.5432") });
    pool = socketPoolConfig(socketDir);
    url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
    cleanup = async () => {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    };
  } else {
    const { cluster, release } = await acquireSharedPostgres();
    url = await cluster.createDatabase();
    pool = { connectionString: url };
    cleanup = async () => release();
  }
  try {
    if (options.migrate !== false) await applyMigrations({ pool });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const prisma = prismaFor(pool);
  return {
    kind,
    prisma,
    pool,
    url,
    async close() {
      await prisma.$disconnect();
      await cleanup();
    },
  };
}
