// The real-account code path (LEASTWISE_ACCOUNT_MODE=aws) against the local account standing in
// for AWS over HTTP: STS AssumeRole of the access role (trust policy evaluated, IAM's propagation
// delay simulated), CloudTrail GetTrail with the session, organization trails whose bucket is in
// another account, S3 reads through AWS_ENDPOINT_URL_S3 (path-style), for a role, a role with a
// path and a user; and the failures, each classified and worded by Leastwise.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { getGeneratedPolicy } from "@/lib/jobs/get-generated-policy";
import { createBoss, type JobsContext } from "@/lib/jobs/queue";
import { runGenerationJob } from "@/lib/jobs/run-generation-job";
import { startPolicyGeneration } from "@/lib/jobs/start-policy-generation";
import { makeTestTrail, type TestTrail } from "@/lib/jobs/test-fixtures";
import { ROOT_TRUST, startAwsAccount, type AwsAccountFixture } from "@/lib/local-aws/testing/aws-account-fixture";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { uploadDirectory } from "@/lib/testing/s3rver";

const ACCOUNT = "111122223333";
const MANAGEMENT = "999988887777";
const ORG = "o-abcdefghij";
const ACCOUNT_TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/account-trail`;
const ORG_TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;
const PRINCIPALS = [
  ["a role", `arn:aws:iam::${ACCOUNT}:role/TargetRole`],
  ["a role with a path", `arn:aws:iam::${ACCOUNT}:role/service-role/deploy/ci-deployer`],
  ["a user", `arn:aws:iam::${ACCOUNT}:user/alice`],
] as const;

let aws: AwsAccountFixture;
let app: TestDb;
let ctx: JobsContext;
let trail: TestTrail;
let accessRole: string;
const saved = { ...process.env };

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  setEnv({ LEASTWISE_LOCAL_ACCOUNT_ID: ACCOUNT, LEASTWISE_DATA_DIR: mkdtempSync(join(tmpdir(), "lw-awsmode-")) });
  trail = await makeTestTrail({ days: 2, sizeMb: 1 });
  aws = await startAwsAccount();
  // The same logs twice: as an account trail, and as an organization trail of the management
  // account, in its log-archive bucket under a prefix.
  await uploadDirectory({ client: aws.s3.client, bucket: "account-trail-bucket", dir: trail.dir, create: true });
  await uploadDirectory({
    client: aws.s3.client,
    bucket: "org-log-archive",
    dir: join(trail.dir, "AWSLogs"),
    prefix: `org/AWSLogs/${ORG}`,
    create: true,
  });
  await aws.registerTrail({ arn: ACCOUNT_TRAIL, source: { kind: "s3", bucket: "account-trail-bucket" } });
  await aws.registerTrail({ arn: ORG_TRAIL, source: { kind: "s3", bucket: "org-log-archive", prefix: "org" }, orgId: ORG });
  accessRole = await aws.createRole({ name: "AccessAnalyzerMonitorServiceRole_test", path: "/service-role/", trust: ROOT_TRUST(ACCOUNT) });
  setEnv({ ...aws.awsEnv(), LEASTWISE_ASSUME_ROLE_RETRY_S: "0", LEASTWISE_SCAN_THREADS: "1" });
  app = await createTestDb({ kind: "pglite" });
  ctx = { db: app.prisma, boss: await createBoss(app.pool) };
}, 120_000);

afterAll(async () => {
  await ctx?.boss.stop({ graceful: false, close: true });
  await app?.close();
  await aws?.stop();
  trail?.remove();
  process.env = saved;
  resetEnvCache();
});

async function generate(o: { principalArn: string; trailArn: string; accessRole?: string; allRegions?: boolean }) {
  const { jobId } = await startPolicyGeneration({
    principalArn: o.principalArn,
    requestedBy: "test",
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: o.trailArn, allRegions: o.allRegions ?? true }],
      accessRole: o.accessRole ?? accessRole,
      startTime: trail.start,
      endTime: trail.end,
    },
    ctx,
  });
  const run = await runGenerationJob({ jobId, workerId: "test-worker", ctx, scanWorkers: 1 });
  return { run, out: await getGeneratedPolicy({ jobId, ctx }) };
}

describe("aws mode against the local account", () => {
  it.each(PRINCIPALS)(
    "an organization trail gives the same policy as the account trail (%s)",
    async (_label, principalArn) => {
      const account = await generate({ principalArn, trailArn: ACCOUNT_TRAIL });
      const org = await generate({ principalArn, trailArn: ORG_TRAIL });
      expect(account.run.outcome).toBe("succeeded");
      expect(org.run.outcome).toBe("succeeded");
      const policies = account.out.generatedPolicyResult.generatedPolicies!;
      expect(policies.length).toBeGreaterThan(0);
      expect(JSON.parse(policies[0].policy).Statement.length).toBeGreaterThan(0);
      expect(org.out.generatedPolicyResult.generatedPolicies).toEqual(policies);
      expect(org.out.readSummary!.eventsOfPrincipal).toBe(account.out.readSummary!.eventsOfPrincipal);
      expect(org.out.readSummary!.noPrincipalEvents).toBe(false);
      // which layout was read, and how the organization ID was known
      expect(org.out.readSummary!.trails).toEqual([
        { cloudTrailArn: ORG_TRAIL, layout: "organization", orgId: ORG, orgIdFrom: "bucket", location: "s3://org-log-archive/org/" },
      ]);
      expect(account.out.readSummary!.trails[0]).toMatchObject({ layout: "account" });
    },
    120_000,
  );

  it("reads S3 path-style at AWS_ENDPOINT_URL_S3, with the access role's session", async () => {
    aws.s3Requests.length = 0;
    await generate({ principalArn: PRINCIPALS[0][1], trailArn: ORG_TRAIL });
    expect(aws.s3Requests.length).toBeGreaterThan(0);
    for (const r of aws.s3Requests) {
      expect(r.host).toBe(new URL(aws.s3Endpoint).host); // never org-log-archive.127.0.0.1
      expect(r.path.startsWith("/org-log-archive")).toBe(true);
      expect(r.accessKeyId.startsWith("LWAS")).toBe(true);
    }
  }, 60_000);

  it("marks a generation with no event of the principal (a principal that does not exist)", async () => {
    const { run, out } = await generate({ principalArn: `arn:aws:iam::${ACCOUNT}:role/NoSuchRole`, trailArn: ACCOUNT_TRAIL });
    expect(run.outcome).toBe("succeeded");
    expect(out.readSummary!.noPrincipalEvents).toBe(true);
    expect(out.readSummary!.eventsRead).toBeGreaterThan(0);
    expect(out.readSummary!.likelyCauses.join(" ")).toMatch(/none was made by the principal/);
    expect(out.generatedPolicyResult.properties.isComplete).toBe(false);
  }, 60_000);

  it("retries AssumeRole while a new role propagates, then succeeds", async () => {
    aws.setPropagationDelayMs(2500);
    setEnv({ LEASTWISE_ASSUME_ROLE_RETRY_S: "30" });
    try {
      const fresh = await aws.createRole({
        name: "AccessAnalyzerMonitorServiceRole_fresh",
        path: "/service-role/",
        trust: ROOT_TRUST(ACCOUNT),
      });
      const started = Date.now();
      const { run } = await generate({ principalArn: PRINCIPALS[0][1], trailArn: ACCOUNT_TRAIL, accessRole: fresh });
      expect(run.outcome, JSON.stringify(run.error)).toBe("succeeded");
      expect(Date.now() - started).toBeGreaterThan(1500);
    } finally {
      aws.setPropagationDelayMs(0);
      setEnv({ LEASTWISE_ASSUME_ROLE_RETRY_S: "0" });
    }
  }, 90_000);

  it.each([
    [
      "a role whose trust policy does not name Leastwise",
      "untrusted",
      "AUTHORIZATION_ERROR",
      /STS AssumeRole on the access role .* was refused \(AccessDenied, HTTP 403\).*trust policy/,
    ],
    ["a role that does not exist", "missing", "AUTHORIZATION_ERROR", /was refused \(AccessDenied/],
  ])(
    "fails %s with a message naming the call, the role and the fix",
    async (_label, which, code, message) => {
      const role =
        which === "untrusted"
          ? await aws.createRole({
              name: "AccessAnalyzerMonitorServiceRole_untrusted",
              path: "/service-role/",
              trust: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }],
              },
            })
          : `arn:aws:iam::${ACCOUNT}:role/service-role/AccessAnalyzerMonitorServiceRole_missing`;
      const { run } = await generate({ principalArn: PRINCIPALS[0][1], trailArn: ACCOUNT_TRAIL, accessRole: role });
      expect(run.outcome).toBe("failed");
      expect(run.error!.code).toBe(code);
      expect(run.error!.message).toMatch(message);
    },
    60_000,
  );

  it("Leastwise's own refused credentials are not the access role's fault", async () => {
    setEnv({ AWS_SECRET_ACCESS_KEY: "not-the-secret" });
    try {
      const { run } = await generate({ principalArn: PRINCIPALS[0][1], trailArn: ACCOUNT_TRAIL });
      expect(run.error!.code).toBe("SERVICE_ERROR");
      expect(run.error!.message).toMatch(/credentials Leastwise itself runs with were refused or have expired \(SignatureDoesNotMatch/);
    } finally {
      setEnv({ AWS_SECRET_ACCESS_KEY: aws.credentials.secretAccessKey });
    }
  }, 60_000);

  it("a trail GetTrail does not know is RESOURCE_NOT_FOUND_ERROR naming GetTrail", async () => {
    const { run } = await generate({ principalArn: PRINCIPALS[0][1], trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/nope` });
    expect(run.error).toMatchObject({ code: "RESOURCE_NOT_FOUND_ERROR" });
    expect(run.error!.message).toMatch(
      /CloudTrail GetTrail found no trail .*trail\/nope in us-east-1 \(TrailNotFoundException, HTTP 400\)/,
    );
  }, 60_000);
});

describe("the CLI against the local account standing in for AWS (S3 through AWS_ENDPOINT_URL_S3)", () => {
  const ROOT = join(import.meta.dirname, "../..");
  async function cli(args: string[], env: Record<string, string | undefined>) {
    const { execFile } = await import("node:child_process");
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["cli/leastwise.mjs", ...args],
        { cwd: ROOT, env: childEnv as NodeJS.ProcessEnv, maxBuffer: 64 << 20 },
        (error, stdout, stderr) => {
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  }
  async function sessionEnv() {
    const { AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    const c = (await aws.sts.send(new AssumeRoleCommand({ RoleArn: accessRole, RoleSessionName: "cli-test" }))).Credentials!;
    return {
      ...aws.awsEnv(),
      AWS_ACCESS_KEY_ID: c.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: c.SecretAccessKey,
      AWS_SESSION_TOKEN: c.SessionToken,
    };
  }
  const window = () => ["--start", trail.start.toISOString(), "--end", trail.end.toISOString()];

  it.each(PRINCIPALS)(
    "finds the organization layout itself and gives the account trail's policy (%s)",
    async (_label, principalArn) => {
      const env = await sessionEnv();
      const account = await cli(
        ["generate", "--principal", principalArn, "--logs", "s3://account-trail-bucket", ...window(), "--json"],
        env,
      );
      const org = await cli(["generate", "--principal", principalArn, "--logs", "s3://org-log-archive/org", ...window(), "--json"], env);
      expect(account.code, account.stderr).toBe(0);
      expect(org.code, org.stderr).toBe(0);
      expect(org.stderr).toContain(`note: organization trail layout: reading AWSLogs/${ORG}/${ACCOUNT}/`);
      const a = JSON.parse(account.stdout);
      const o = JSON.parse(org.stdout);
      expect(o.generatedPolicyResult.generatedPolicies).toEqual(a.generatedPolicyResult.generatedPolicies);
      expect(o.readSummary.trails[0]).toMatchObject({ layout: "organization", orgId: ORG, orgIdFrom: "bucket" });
      expect(o.readSummary.eventsOfPrincipal).toBeGreaterThan(0);
    },
    120_000,
  );

  it("--org-id overrides; a wrong one reads nothing and says so (exit 3)", async () => {
    const env = await sessionEnv();
    const r = await cli(
      ["generate", "--principal", PRINCIPALS[0][1], "--logs", "s3://org-log-archive/org", ...window(), "--org-id", "o-zzzzzzzzzz"],
      env,
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/NO EVENT OF THE PRINCIPAL/);
    expect(r.stderr).toMatch(/read 0 files/);
    expect(r.stderr).toMatch(/No log file of the window was found/);
  }, 60_000);
});

describe("the generate form's choices in aws mode", () => {
  it("marks the service roles Leastwise cannot assume and preselects one it can", async () => {
    const { listServiceRoles } = await import("@/lib/iam/list-service-roles");
    const { preselectedServiceRole } = await import("@/components/generation/generate-types");
    await aws.createRole({
      name: "AccessAnalyzerMonitorServiceRole_aaa",
      path: "/service-role/",
      trust: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }],
      },
    });
    const roles = await listServiceRoles();
    const first = roles[0];
    expect(first.name).toBe("AccessAnalyzerMonitorServiceRole_aaa"); // alphabetically first, and not assumable
    expect(first.trustsLeastwise).toBe(false);
    const chosen = preselectedServiceRole(roles);
    expect(chosen).not.toBe(first.arn);
    expect(roles.find((r) => r.arn === chosen)?.trustsLeastwise).toBe(true);
  }, 60_000);

  it("a trail listing that fails is shown, not swallowed as 'no trails'", async () => {
    const { listTrailOptions } = await import("@/lib/console/list-trail-options");
    const ok = await listTrailOptions();
    expect(ok.problem).toBeUndefined();
    expect(ok.options.map((t) => t.arn)).toContain(ORG_TRAIL);
    expect(ok.options.find((t) => t.arn === ORG_TRAIL)?.organizationTrail).toBe(true);
    setEnv({ AWS_SECRET_ACCESS_KEY: "not-the-secret" });
    try {
      const failed = await listTrailOptions();
      expect(failed.problem).toMatch(
        /Could not list the CloudTrail trails: the AWS credentials this Leastwise server runs with were refused/,
      );
    } finally {
      setEnv({ AWS_SECRET_ACCESS_KEY: aws.credentials.secretAccessKey });
    }
  }, 60_000);
});

describe("the access role's session is refreshed before it expires", () => {
  it("a scan whose session has expired assumes the role again (and fails without the refresh)", async () => {
    const { issueSessionCredentials } = await import("@/lib/local-aws/sts/session-credentials");
    const { runScan } = await import("@/lib/engine/run-scan");
    const { ACCESS_ROLE_SESSION_NAME } = await import("./assume-access-role");
    const { AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    // A session of the access role as STS issued it an hour ago: expired now.
    const live = (await aws.sts.send(new AssumeRoleCommand({ RoleArn: accessRole, RoleSessionName: "probe" }))).AssumedRoleUser!;
    const expired = issueSessionCredentials({
      parentAccessKeyId: aws.credentials.accessKeyId,
      roleArn: accessRole,
      roleId: live.AssumedRoleId!.split(":")[0],
      sessionName: ACCESS_ROLE_SESSION_NAME,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const credentials = { accessKeyId: expired.AccessKeyId, secretAccessKey: expired.SecretAccessKey, sessionToken: expired.SessionToken };
    const request = (withRefresh: boolean) => ({
      principalArn: PRINCIPALS[0][1],
      window: { start: trail.start, end: trail.end },
      regions: "all" as const,
      source: {
        kind: "s3" as const,
        bucket: "account-trail-bucket",
        region: "us-east-1",
        credentials,
        ...(withRefresh
          ? { assumeRole: { roleArn: accessRole, sessionName: ACCESS_ROLE_SESSION_NAME, expiresAt: expired.Expiration.toISOString() } }
          : {}),
      },
    });
    const without = await runScan({ request: request(false), workers: 1 }).catch((e: unknown) => e);
    expect((without as { code?: string }).code).toBe("ACCESS_DENIED");
    expect((without as Error).message).toMatch(
      /S3 HeadBucket on s3:\/\/account-trail-bucket: refused \(HTTP 400 without detail, which S3 answers to expired or malformed credentials\)/,
    );
    aws.s3Requests.length = 0;
    const refreshed = await runScan({ request: request(true), workers: 1 });
    expect(refreshed.stats.filesRead).toBeGreaterThan(0);
    expect(refreshed.usage.eventsMatched).toBeGreaterThan(0);
    expect(aws.s3Requests.every((r) => r.accessKeyId !== expired.AccessKeyId)).toBe(true);
  }, 60_000);
});

describe("the API in aws mode (the real @aws-sdk/client-accessanalyzer and raw HTTP)", () => {
  type Api = { url: string; key: { accessKeyId: string; secretAccessKey: string }; stop(): Promise<void> };
  let api: Api;
  beforeAll(async () => {
    const { getDb } = await import("@/lib/db");
    const { jobsContext, closeJobsContext } = await import("@/lib/jobs/queue");
    const { startGenerationWorkers } = await import("@/lib/jobs/start-generation-workers");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { serveHandler } = await import("@/lib/api/node-adapter");
    const { handleApiRequest } = await import("@/lib/api/router");
    await getDb();
    const jobs = await jobsContext();
    const workers = await startGenerationWorkers({ ctx: jobs, concurrency: 1, log: () => {} });
    const key = await createApiKey({ name: "aws-mode api", scopes: ["generations:read", "generations:write"] });
    const http = await serveHandler(handleApiRequest);
    api = {
      url: http.url,
      key,
      async stop() {
        await http.close();
        await workers.stop();
        await closeJobsContext();
      },
    };
  }, 60_000);
  afterAll(() => api?.stop());

  async function run(principalArn: string, trailArn: string, role = accessRole) {
    const { AccessAnalyzerClient, GetGeneratedPolicyCommand, StartPolicyGenerationCommand } =
      await import("@aws-sdk/client-accessanalyzer");
    const client = new AccessAnalyzerClient({ endpoint: api.url, region: "us-east-1", credentials: api.key, maxAttempts: 1 });
    const { jobId } = await client.send(
      new StartPolicyGenerationCommand({
        policyGenerationDetails: { principalArn },
        cloudTrailDetails: {
          trails: [{ cloudTrailArn: trailArn, allRegions: true }],
          accessRole: role,
          startTime: trail.start,
          endTime: trail.end,
        },
      }),
    );
    for (let i = 0; i < 300; i++) {
      const out = await client.send(new GetGeneratedPolicyCommand({ jobId: jobId! }));
      if (out.jobDetails?.status !== "IN_PROGRESS") return { jobId: jobId!, out };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the job did not finish");
  }

  async function raw(jobId: string) {
    const { SignatureV4 } = await import("@smithy/signature-v4");
    const { Sha256 } = await import("@aws-crypto/sha256-js");
    const url = new URL(`${api.url}/policy/generation/${jobId}`);
    const signed = await new SignatureV4({ service: "access-analyzer", region: "us-east-1", credentials: api.key, sha256: Sha256 }).sign({
      method: "GET",
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host },
    });
    return (await (await fetch(url, { headers: signed.headers as Record<string, string> })).json()) as {
      leastwise?: { readSummary: { noPrincipalEvents: boolean; trails: unknown[]; eventsOfPrincipal: number } };
    };
  }

  it.each(PRINCIPALS)(
    "an organization trail through the API (%s)",
    async (_label, principalArn) => {
      const { jobId, out } = await run(principalArn, ORG_TRAIL);
      expect(out.jobDetails?.status, JSON.stringify(out.jobDetails?.jobError)).toBe("SUCCEEDED");
      expect(JSON.parse(out.generatedPolicyResult!.generatedPolicies![0].policy!).Statement.length).toBeGreaterThan(0);
      expect(out.generatedPolicyResult?.properties?.isComplete).toBeTypeOf("boolean");
      const body = await raw(jobId);
      expect(body.leastwise?.readSummary.trails).toEqual([
        expect.objectContaining({ layout: "organization", orgId: ORG, orgIdFrom: "bucket" }),
      ]);
      expect(body.leastwise?.readSummary.eventsOfPrincipal).toBeGreaterThan(0);
    },
    120_000,
  );

  it("marks an empty result on the wire: isComplete false, leastwise.readSummary.noPrincipalEvents", async () => {
    const { jobId, out } = await run(`arn:aws:iam::${ACCOUNT}:user/nobody`, ACCOUNT_TRAIL);
    expect(out.jobDetails?.status).toBe("SUCCEEDED");
    expect(out.generatedPolicyResult?.properties?.isComplete).toBe(false);
    expect((await raw(jobId)).leastwise?.readSummary.noPrincipalEvents).toBe(true);
  }, 60_000);

  it("an access role Leastwise may not assume is a jobError naming the call, the role and the fix", async () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/service-role/AccessAnalyzerMonitorServiceRole_untrusted`;
    const { out } = await run(PRINCIPALS[0][1], ACCOUNT_TRAIL, role);
    expect(out.jobDetails?.status).toBe("FAILED");
    expect(out.jobDetails?.jobError?.code).toBe("AUTHORIZATION_ERROR");
    expect(out.jobDetails?.jobError?.message).toMatch(/STS AssumeRole on the access role .*_untrusted was refused .*trust policy/);
  }, 60_000);
});
