// A private PostgreSQL 15 cluster for tests: initdb + pg_ctl in a temp directory on a free
// 127.0.0.1 port, no shared state with any system cluster. One cluster per test file (per process),
// started on first use; each test takes a fresh database in it. Stopped and deleted when the last
// user stops it or, as a backstop, when the process exits.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresCluster {
  port: number;
  /** connection URL of a database in the cluster */
  url(database?: string): string;
  createDatabase(name?: string): Promise<string>;
  stop(): void;
}

function findBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, "bin/initdb"))) return join(root, v, "bin");
  throw new Error("PostgreSQL server binaries not found (apt-get install -y postgresql); run scripts/setup.sh");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user then. */
function run(bin: string, args: string[], asUser: boolean): void {
  const cmd = asUser ? "runuser" : bin;
  const argv = asUser ? ["-u", "postgres", "--", bin, ...args] : args;
  const result = spawnSync(cmd, argv, { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  }
}

function postgresIds(): { uid: number; gid: number } {
  const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const outG = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error("Running as root needs the `postgres` user (installed with Debian's postgresql package)");
  return { uid: Number(out.stdout.trim()), gid: Number(outG.stdout.trim()) };
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findBinDir();
  const asUser = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "leastwise-pg-"));
  if (asUser) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, "data");
  run(join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asUser);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  run(join(bin, "pg_ctl"), ["-D", dataDir, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "60", "start"], asUser);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    try {
      run(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], asUser);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on("exit", stop);

  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let counter = 0;
  return {
    port,
    url,
    stop,
    async createDatabase(name = `t_${process.pid}_${++counter}_${Date.now().toString(36)}`) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
  };
}

let shared: Promise<PostgresCluster> | undefined;
let users = 0;

/** The cluster of this test file; `release()` stops it when no test uses it any more. */
export async function acquireSharedPostgres(): Promise<{ cluster: PostgresCluster; release(): void }> {
  shared ??= startPostgres();
  const cluster = await shared;
  users++;
  return {
    cluster,
    release() {
      if (--users === 0) {
        cluster.stop();
        shared = undefined;
      }
    },
  };
}
