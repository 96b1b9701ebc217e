// Resolves where the database is and how to reach it. Every consumer (Prisma, pg-boss, migrations)
// gets a node-postgres connection config, so one code path serves all three setups:
//   - DATABASE_URL: a PostgreSQL server;
//   - embedded, this process owns the data directory: PGlite, served on a private Unix socket;
//   - embedded, another live process owns it: connect through the owner's socket.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PoolConfig } from "pg";
import { AppError } from "../errors";
import { acquireDataDirLock, lockFilePath, readLock, type LockInfo } from "./data-dir-lock";
import { startPgliteServer } from "./pglite-server";

export interface DatabaseHandle {
  kind: "postgres" | "pglite-owner" | "pglite-attached";
  /** node-postgres config (connectionString or Unix socket host) */
  pool: PoolConfig;
  /** a human-readable description for logs */
  describe: string;
  close(): Promise<void>;
}

const SOCKET_FILE = ".s.PGSQL.5432";
const MAX_SOCKET_PATH = 100; // sun_path is 108 bytes on Linux

export function socketPoolConfig(socketDir: string): PoolConfig {
  return { host: socketDir, port: 5432, user: "postgres", database: "postgres" };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return {
      kind: "postgres",
      pool: { connectionString: options.databaseUrl },
      describe: `PostgreSQL ${redact(options.databaseUrl)}`,
      close: async () => {},
    };
  }
  const dataDir = resolve(options.dataDir);
  const lock = acquireDataDirLock(dataDir);
  if (lock.kind === "held") return attach(dataDir, lock.info);

  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pgDir = join(dataDir, "pglite");
    mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    const db = await PGlite.create({ dataDir: pgDir });
    let socketDir = join(dataDir, "run");
    let tempSocketDir = false;
    if (join(socketDir, SOCKET_FILE).length > MAX_SOCKET_PATH) {
      socketDir = mkdtempSync(join(tmpdir(), "leastwise-db-"));
      tempSocketDir = true;
    }
    mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    const server = await startPgliteServer({ db, socketPath: join(socketDir, SOCKET_FILE) });
    lock.update({ socketDir });
    return {
      kind: "pglite-owner",
      pool: socketPoolConfig(socketDir),
      describe: `embedded PGlite in ${pgDir}`,
      async close() {
        await server.stop();
        await db.close();
        if (tempSocketDir) rmSync(socketDir, { recursive: true, force: true });
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function attach(dataDir: string, first: LockInfo): Promise<DatabaseHandle> {
  // The owner may still be starting: wait for it to publish its socket.
  let info: LockInfo | undefined = first;
  const deadline = Date.now() + 30_000;
  while (!(info?.socketDir && existsSync(join(info.socketDir, SOCKET_FILE))) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    info = readLock(lockFilePath(dataDir));
  }
  if (!info?.socketDir) {
    throw new AppError(
      "DATABASE_LOCKED",
      `The embedded database in ${dataDir} is in use by process ${first.pid}, which does not serve it. ` +
        `Stop that process, or if no Leastwise process is running, delete ${lockFilePath(dataDir)}.`,
    );
  }
  const socketPath = join(info.socketDir, SOCKET_FILE);
  if (!(await answers(socketPath))) {
    throw new AppError(
      "DATABASE_LOCKED",
      `The embedded database in ${dataDir} is locked by process ${info.pid}, but its socket ${socketPath} does not answer. ` +
        `If no Leastwise process is running (the pid may belong to another program now), delete ${lockFilePath(dataDir)} and retry.`,
    );
  }
  return {
    kind: "pglite-attached",
    pool: socketPoolConfig(info.socketDir),
    describe: `embedded PGlite in ${dataDir}, served by process ${info.pid}`,
    close: async () => {},
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.setTimeout(5000, () => done(false));
  });
}
