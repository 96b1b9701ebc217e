// One process owns an embedded (PGlite) data directory: two PGlite instances on the same files
// silently lose data. The owner writes a lock file with its pid and the socket it serves the
// database on; other processes (CLI, standalone workers) connect through that socket instead of
// opening the files. A lock left by a dead process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors";
import { writeFileAtomic } from "../write-file-atomic";

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** directory holding `.s.PGSQL.5432`, set once the owner serves the database */
  socketDir?: string;
}

export type LockResult = { kind: "owner"; update(info: Partial<LockInfo>): void; release(): void } | { kind: "held"; info: LockInfo };

export function lockFilePath(dataDir: string): string {
  return join(dataDir, "leastwise.lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): LockResult {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const info = readLock(path);
      if (info && info.pid !== process.pid && isAlive(info.pid)) return { kind: "held", info };
      if (!info) {
        // Being written right now by a starting owner, or garbage: give a writer a moment.
        const age = Date.now() - safeMtime(path);
        if (age < 2000) {
          sleepSync(100);
          continue;
        }
      }
      rmSync(path, { force: true }); // stale: its process is gone
      continue;
    }
    let current: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(current));
    closeSync(fd);
    const onExit = () => release();
    const release = () => {
      process.off("exit", onExit);
      const info = readLock(path);
      if (info?.pid === process.pid) rmSync(path, { force: true });
    };
    process.on("exit", onExit);
    return {
      kind: "owner",
      update(info) {
        current = { ...current, ...info };
        // readers never see a half-written file
        writeFileAtomic(path, JSON.stringify(current), { mode: 0o600 });
      },
      release,
    };
  }
  throw new AppError(
    "DATABASE_LOCKED",
    `Could not lock the data directory ${dataDir} (lock file ${path} keeps changing). Is another Leastwise starting?`,
  );
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export { readLock, isAlive };
