// Fault test: a standalone worker (`npm run worker`, a separate process attached to the embedded
// database this test process owns) is SIGKILLed in the middle of a scan. A new worker resumes the
// job, which ends SUCCEEDED; the job queued meanwhile and the earlier result are intact. Also: a
// cancel stops a running scan within seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import type { ScanStats } from "@/lib/core/types";
import { cancelPolicyGeneration } from "./cancel-policy-generation";
import { closeJobsContext, jobsContext, type JobsContext } from "./queue";
import { startPolicyGeneration } from "./start-policy-generation";
import {
  makeTestTrail,
  registerTestTrail,
  TEST_TRAILS_ROOT,
  TEST_ACCESS_ROLE,
  TEST_ROLE,
  TEST_TRAIL_ARN,
  type TestTrail,
} from "./test-fixtures";

const ROOT = join(import.meta.dirname, "../..");
const workerEnv = {
  LEASTWISE_SCAN_THREADS: "1",
  LEASTWISE_JOB_HEARTBEAT_TIMEOUT_S: "5",
  LEASTWISE_WORKER_MAINTENANCE_S: "1",
  LEASTWISE_WORKER_CONCURRENCY: "1",
};
let dataDir: string;
let trail: TestTrail;
let ctx: JobsContext;
const children: ChildProcess[] = [];
let fullFiles = 0;
let workerOutput = "";

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...workerEnv, LEASTWISE_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (workerOutput += d.toString()));
  child.stderr!.on("data", () => {});
  children.push(child);
  return child;
}

async function waitJob(
  id: string,
  ok: (j: { status: string; progress: ScanStats | null; workerId: string | null }) => boolean,
  ms = 90_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const j = await ctx.db.generationJob.findUniqueOrThrow({ where: { id } });
    const view = {
      status: j.status,
      progress: j.progress as unknown as ScanStats | null,
      errorMessage: j.errorMessage,
      attempts: j.attempts,
      workerId: j.workerId,
    };
    if (ok(view)) return view;
    if (Date.now() > deadline) throw new Error(`timeout waiting for job ${id}: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lw-fault-"));
  process.env.LEASTWISE_DATA_DIR = dataDir;
  process.env.LEASTWISE_LOCAL_TRAILS_ROOT = TEST_TRAILS_ROOT; // the generated trail is a temp directory
  delete process.env.DATABASE_URL;
  Object.assign(process.env, workerEnv);
  resetEnvCache();
  await getDb();
  ctx = await jobsContext();
  trail = await makeTestTrail({ sizeMb: 320, days: 6, seed: 11 });
  await registerTestTrail(ctx.db, trail.dir);
}, 180_000);

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await closeJobsContext();
  await closeDb();
  trail?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

// Another principal of the same account: one generation runs at a time per principal, so the job
// queued while the victim is stuck is for someone else.
const OTHER_ROLE = "arn:aws:iam::111122223333:role/other-app";

const start = (principalArn = TEST_ROLE) =>
  startPolicyGeneration({
    principalArn,
    requestedBy: "fault-test",
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
      accessRole: TEST_ACCESS_ROLE,
      startTime: trail.start,
      endTime: trail.end,
    },
    ctx,
  });

describe("a standalone worker killed mid-scan", () => {
  it("resumes the job on a new worker; nothing else is lost", async () => {
    const workerA = startWorker();
    const first = await start();
    await waitJob(first.jobId, (j) => j.status !== "IN_PROGRESS", 120_000);
    const firstRow = await ctx.db.generationJob.findUniqueOrThrow({ where: { id: first.jobId } });
    expect(firstRow.status).toBe("SUCCEEDED");
    fullFiles = (firstRow.progress as unknown as ScanStats).filesRead;

    const victim = await start();
    // Killed as soon as it has claimed the job: in the middle of reading the trail.
    await waitJob(victim.jobId, (j) => j.workerId !== null);
    workerA.kill("SIGKILL");
    await new Promise((r) => workerA.once("exit", r));
    const queuedMeanwhile = await start(OTHER_ROLE);
    const stuck = await ctx.db.generationJob.findUniqueOrThrow({ where: { id: victim.jobId } });
    expect(stuck.status).toBe("IN_PROGRESS");

    startWorker();
    const resumed = await waitJob(victim.jobId, (j) => j.status !== "IN_PROGRESS", 150_000);
    expect(resumed).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect((await waitJob(queuedMeanwhile.jobId, (j) => j.status !== "IN_PROGRESS", 150_000)).status).toBe("SUCCEEDED");
    // The earlier result is intact, and each principal's newest success is its active policy.
    expect(await ctx.db.generationResult.count({ where: { jobId: { in: [first.jobId, victim.jobId, queuedMeanwhile.jobId] } } })).toBe(3);
    expect((await ctx.db.activeGeneratedPolicy.findUnique({ where: { principalArn: TEST_ROLE } }))?.jobId).toBe(victim.jobId);
    expect((await ctx.db.activeGeneratedPolicy.findUnique({ where: { principalArn: OTHER_ROLE } }))?.jobId).toBe(queuedMeanwhile.jobId);
  }, 400_000);

  it("stops a running scan within seconds of a cancel", async () => {
    const running = await start();
    await waitJob(running.jobId, (j) => j.workerId !== null, 60_000);
    await new Promise((r) => setTimeout(r, 150));
    await cancelPolicyGeneration({ jobId: running.jobId, ctx });
    const canceledAt = Date.now();
    const line = new RegExp(`job ${running.jobId} (\\w+) after \\d+ ms \\(files read (\\d+)/(\\d+)\\)`);
    while (!line.test(workerOutput) && Date.now() - canceledAt < 10_000) await new Promise((r) => setTimeout(r, 20));
    const m = line.exec(workerOutput);
    expect(m, workerOutput).not.toBeNull();
    expect(Date.now() - canceledAt).toBeLessThan(3_000);
    expect(m![1]).toBe("stopped");
    expect(Number(m![2])).toBeLessThan(fullFiles); // the scan was cut short, not finished
    const row = await ctx.db.generationJob.findUniqueOrThrow({ where: { id: running.jobId } });
    expect(row.status).toBe("CANCELED");
    expect(await ctx.db.generationResult.count({ where: { jobId: running.jobId } })).toBe(0);
  }, 120_000);
});
