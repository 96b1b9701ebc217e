import { afterEach, describe, expect, it } from "vitest";
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { lockFilePath } from "./data-dir-lock";
import { openDatabase, type DatabaseHandle } from "./open-database";

const run = promisify(execFile);
const dirs: string[] = [];
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "lw-data-"));
  dirs.push(d);
  return d;
};

async function query(handle: DatabaseHandle, sql: string, values?: unknown[]) {
  const client = new pg.Client(handle.pool);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database shared between processes", () => {
  it("lets a second process in through the owner's socket, and both see each other's writes", async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ dataDir });
    handles.push(owner);
    expect(owner.kind).toBe("pglite-owner");
    await query(owner, "CREATE TABLE shared_probe (v text)");
    await query(owner, "INSERT INTO shared_probe (v) VALUES ('from-owner')");

    const child = await run("npx", ["tsx", join(import.meta.dirname, "fixtures/attach-child.ts"), dataDir], {
      cwd: join(import.meta.dirname, "../.."),
    });
    expect(JSON.parse(child.stdout.trim().split("\n").pop()!)).toEqual({ kind: "pglite-attached", seen: ["from-owner"] });
    expect((await query(owner, "SELECT v FROM shared_probe ORDER BY v")).map((r) => r.v)).toEqual(["from-child", "from-owner"]);
  });

  it("takes over the lock of a process that died", async () => {
    const dataDir = tempDir();
    const dead = spawnSync("true");
    writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: dead.pid, startedAt: "2020-01-01T00:00:00Z" }));
    const handle = await openDatabase({ dataDir });
    handles.push(handle);
    expect(handle.kind).toBe("pglite-owner");
    expect(await query(handle, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("refuses clearly when a live process holds the lock but serves nothing", async () => {
    const dataDir = tempDir();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dataDir, "run"));
    writeFileSync(join(dataDir, "run", ".s.PGSQL.5432"), "");
    // Our own parent is alive and is not a Leastwise owner.
    writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({ pid: process.ppid, startedAt: "2020-01-01T00:00:00Z", socketDir: join(dataDir, "run") }),
    );
    await expect(openDatabase({ dataDir })).rejects.toThrow(/does not answer.*delete .*leastwise.lock/s);
  });

  it("serializes transactions of concurrent clients (no lost updates, no interleaved statements)", async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ dataDir });
    handles.push(owner);
    await query(owner, "CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)");
    const pool = new pg.Pool({ ...owner.pool, max: 8 });
    try {
      const increments = Array.from({ length: 24 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query("SELECT n FROM counter");
          await new Promise((r) => setTimeout(r, 2));
          await client.query("UPDATE counter SET n = $1", [rows[0].n + 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      });
      const echoes = Array.from({ length: 40 }, (_, i) =>
        pool.query("SELECT $1::int AS i, $2::text AS s", [i, `v${i}`]).then((r) => r.rows[0]),
      );
      const [, echoed] = await Promise.all([Promise.all(increments), Promise.all(echoes)]);
      expect(echoed).toEqual(Array.from({ length: 40 }, (_, i) => ({ i, s: `v${i}` })));
      expect((await pool.query("SELECT n FROM counter")).rows[0].n).toBe(24);
    } finally {
      await pool.end();
    }
  });

  it("rolls back the open transaction of a client that disconnects, and keeps serving others", async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ dataDir });
    handles.push(owner);
    await query(owner, "CREATE TABLE t (v int)");
    const client = new pg.Client(owner.pool);
    client.on("error", () => {}); // the connection is cut on purpose
    await client.connect();
    await client.query("BEGIN");
    await client.query("INSERT INTO t VALUES (1)");
    // Vanish without COMMIT.
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await query(owner, "SELECT count(*)::int AS c FROM t")).toEqual([{ c: 0 }]);
  });
});
