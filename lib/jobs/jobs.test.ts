import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { cancelPolicyGeneration } from "./cancel-policy-generation";
import { getGeneratedPolicy } from "./get-generated-policy";
import { listPolicyGenerations } from "./list-policy-generations";
import { createBoss, type JobsContext } from "./queue";
import { recoverStaleJobs } from "./recover-stale-jobs";
import { startGenerationWorkers, type GenerationWorkers } from "./start-generation-workers";
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

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function expectAppError(p: Promise<unknown>, code: string, match?: RegExp) {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error), String(error)).toBe(true);
  if (!isAppError(error)) return error;
  expect(error.code).toBe(code);
  if (match) expect(error.message).toMatch(match);
  return error;
}

let trail: TestTrail;
beforeAll(async () => {
  process.env.LEASTWISE_LOCAL_TRAILS_ROOT = TEST_TRAILS_ROOT; // the generated trail is a temp directory
  resetEnvCache();
  trail = await makeTestTrail();
});
afterAll(() => trail?.remove());

describe.each(["pglite", "postgres"] as const)("generation jobs on %s", (kind) => {
  let db: TestDb;
  let ctx: JobsContext;
  let workers: GenerationWorkers | undefined;
  const base = () => ({
    principalArn: TEST_ROLE,
    requestedBy: "test",
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
      accessRole: TEST_ACCESS_ROLE,
      startTime: trail.start,
      endTime: trail.end,
    },
  });

  beforeAll(async () => {
    db = await createTestDb({ kind });
    ctx = { db: db.prisma, boss: await createBoss(db.pool) };
    await registerTestTrail(db.prisma, trail.dir);
  });
  afterAll(async () => {
    await workers?.stop();
    await ctx?.boss.stop({ graceful: false, close: true });
    await db?.close();
  });

  it("validates before accepting, with AWS field names", async () => {
    const bad = await expectAppError(
      startPolicyGeneration({ ...base(), principalArn: "arn:aws:iam::111122223333:group/x", ctx }),
      "VALIDATION",
    );
    expect((bad as { details: { fieldList: { name: string }[] } }).details.fieldList[0].name).toBe("policyGenerationDetails.principalArn");
    const d = base().cloudTrailDetails;
    await expectAppError(
      startPolicyGeneration({ ...base(), cloudTrailDetails: { ...d, endTime: new Date(trail.start.getTime() - 1000) }, ctx }),
      "VALIDATION",
      /before the start/,
    );
    await expectAppError(
      startPolicyGeneration({
        ...base(),
        cloudTrailDetails: { ...d, startTime: new Date(Date.now() - 91 * 86_400_000), endTime: undefined },
        ctx,
      }),
      "VALIDATION",
      /maximum is 90 days/,
    );
    await expectAppError(
      startPolicyGeneration({ ...base(), cloudTrailDetails: { ...d, accessRole: "arn:aws:iam::111122223333:user/bob" }, ctx }),
      "VALIDATION",
      /role ARN/,
    );
    await expectAppError(
      startPolicyGeneration({
        ...base(),
        cloudTrailDetails: { ...d, trails: [{ cloudTrailArn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/unknown-trail" }] },
        ctx,
      }),
      "VALIDATION",
      /not registered/,
    );
    await expectAppError(
      startPolicyGeneration({ ...base(), cloudTrailDetails: undefined, ctx }),
      "VALIDATION",
      /cloudTrailDetails is required/,
    );
    expect(await db.prisma.generationJob.count()).toBe(0);
  });

  it("runs a generation to SUCCEEDED, idempotent on the client token, with both build options", async () => {
    const first = await startPolicyGeneration({ ...base(), clientToken: "tok-1", ctx });
    expect(first.created).toBe(true);
    expect(await startPolicyGeneration({ ...base(), clientToken: "tok-1", ctx })).toEqual({ jobId: first.jobId, created: false });
    await expectAppError(
      startPolicyGeneration({ ...base(), principalArn: "arn:aws:iam::111122223333:role/data-pipeline", clientToken: "tok-1", ctx }),
      "CONFLICT",
      /already used/,
    );
    workers = await startGenerationWorkers({ ctx, concurrency: 1, log: () => {} });
    const done = await waitFor(
      () => getGeneratedPolicy({ jobId: first.jobId, ctx }),
      (r) => r.jobDetails.status !== "IN_PROGRESS",
    );
    expect(done.jobDetails.jobError).toBeUndefined();
    expect(done.jobDetails.status).toBe("SUCCEEDED");
    expect(done.jobDetails.completedOn).toMatch(/Z$/);
    const plain = done.generatedPolicyResult.generatedPolicies!;
    expect(plain.length).toBeGreaterThan(0);
    const doc = JSON.parse(plain[0].policy);
    expect(doc.Version).toBe("2012-10-17");
    expect(JSON.stringify(doc)).not.toContain("${");
    const withPlaceholders = await getGeneratedPolicy({
      jobId: first.jobId,
      includeResourcePlaceholders: true,
      includeServiceLevelTemplate: true,
      ctx,
    });
    expect(withPlaceholders.generatedPolicyResult.properties.isComplete).toBeTypeOf("boolean");
    expect(withPlaceholders.generatedPolicyResult.generatedPolicies!.map((p) => p.policy).join("")).toContain("${");
    expect(done.progress?.filesRead).toBeGreaterThan(0);
    expect((await db.prisma.activeGeneratedPolicy.findUnique({ where: { principalArn: TEST_ROLE } }))?.jobId).toBe(first.jobId);
  });

  it("lists newest first with pagination and a principal filter", async () => {
    const a = await startPolicyGeneration({ ...base(), principalArn: "arn:aws:iam::111122223333:user/alice", ctx });
    await cancelPolicyGeneration({ jobId: a.jobId, ctx });
    const all = await listPolicyGenerations({ ctx });
    expect(all.policyGenerations[0].jobId).toBe(a.jobId);
    const p1 = await listPolicyGenerations({ maxResults: 1, ctx });
    expect(p1.policyGenerations).toHaveLength(1);
    const p2 = await listPolicyGenerations({ maxResults: 1, nextToken: p1.nextToken, ctx });
    expect(p2.policyGenerations[0].jobId).not.toBe(p1.policyGenerations[0].jobId);
    const alice = await listPolicyGenerations({ principalArn: "arn:aws:iam::111122223333:user/alice", ctx });
    expect(alice.policyGenerations.map((g) => g.jobId)).toEqual([a.jobId]);
    await expectAppError(listPolicyGenerations({ nextToken: "garbage", ctx }), "VALIDATION");
    await expectAppError(listPolicyGenerations({ maxResults: 0, ctx }), "VALIDATION");
  });

  it("cancels idempotently and refuses unknown job ids", async () => {
    await workers?.stop();
    workers = undefined;
    const { jobId } = await startPolicyGeneration({ ...base(), ctx });
    await cancelPolicyGeneration({ jobId, ctx });
    await cancelPolicyGeneration({ jobId, ctx });
    const got = await getGeneratedPolicy({ jobId, ctx });
    expect(got.jobDetails.status).toBe("CANCELED");
    expect(got.generatedPolicyResult.generatedPolicies).toBeUndefined();
    await expectAppError(getGeneratedPolicy({ jobId: crypto.randomUUID(), ctx }), "NOT_FOUND");
    await expectAppError(cancelPolicyGeneration({ jobId: "not-a-uuid", ctx }), "NOT_FOUND");
  });

  it("requeues a job whose worker stopped beating, then fails it with SERVICE_ERROR after the last attempt", async () => {
    const { jobId } = await startPolicyGeneration({ ...base(), ctx });
    const old = new Date(Date.now() - 3600_000);
    await db.prisma.generationJob.update({ where: { id: jobId }, data: { heartbeatAt: old, workerId: "dead", attempts: 1 } });
    expect((await recoverStaleJobs({ ctx })).requeued).toEqual([jobId]);
    await db.prisma.generationJob.update({ where: { id: jobId }, data: { heartbeatAt: old, workerId: "dead", attempts: 2 } });
    expect((await recoverStaleJobs({ ctx })).failed).toEqual([jobId]);
    const got = await getGeneratedPolicy({ jobId, ctx });
    expect(got.jobDetails.status).toBe("FAILED");
    expect(got.jobDetails.jobError?.code).toBe("SERVICE_ERROR");
    expect(got.jobDetails.jobError?.message).toMatch(/stopped responding/);
  });
});
