// The API driven by the AWS CLI v2 (/usr/bin/aws) with keys Leastwise issued, against a server on
// a private PostgreSQL (the production database path).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { acquireSharedPostgres } from "@/lib/testing/postgres";
import { TEST_ACCESS_ROLE, TEST_ROLE, TEST_TRAIL_ARN } from "@/lib/jobs/test-fixtures";
import { startApiTestServer, type ApiTestServer } from "./test-server";

const run = promisify(execFile);
let s: ApiTestServer;
let release: () => void;

beforeAll(async () => {
  const pg = await acquireSharedPostgres();
  release = pg.release;
  s = await startApiTestServer({ databaseUrl: await pg.cluster.createDatabase() });
});
afterAll(async () => {
  await s?.stop();
  release?.();
});

async function aws(
  args: string[],
  secret = s.key.secretAccessKey,
): Promise<{
  code: number; // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the AWS CLI's JSON output, read field by field
  out: any;
  stderr: string;
}> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    AWS_ACCESS_KEY_ID: s.key.accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PAGER: "",
    AWS_MAX_ATTEMPTS: "1",
  };
  try {
    const { stdout, stderr } = await run("/usr/bin/aws", ["accessanalyzer", ...args, "--endpoint-url", s.url, "--output", "json"], { env });
    return { code: 0, out: stdout.trim() ? JSON.parse(stdout) : {}, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, out: undefined, stderr: e.stderr };
  }
}

const details = () =>
  JSON.stringify({
    accessRole: TEST_ACCESS_ROLE,
    startTime: s.trail.start.toISOString(),
    endTime: s.trail.end.toISOString(),
    trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
  });

describe("Access Analyzer API with the AWS CLI", () => {
  it("start -> poll -> get (both flags) -> list with pagination -> cancel", async () => {
    const start = await aws([
      "start-policy-generation",
      "--policy-generation-details",
      JSON.stringify({ principalArn: TEST_ROLE }),
      "--cloud-trail-details",
      details(),
      "--client-token",
      "cli-token-1",
    ]);
    expect(start.stderr, start.stderr).toBe("");
    const jobId: string = start.out.jobId;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await aws([
      "start-policy-generation",
      "--policy-generation-details",
      JSON.stringify({ principalArn: TEST_ROLE }),
      "--cloud-trail-details",
      details(),
      "--client-token",
      "cli-token-1",
    ]);
    expect(again.out.jobId).toBe(jobId);

    let got;
    for (let i = 0; i < 100; i++) {
      got = await aws(["get-generated-policy", "--job-id", jobId, "--include-resource-placeholders", "--include-service-level-template"]);
      if (got.out?.jobDetails?.status !== "IN_PROGRESS") break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(got!.out.jobDetails.status).toBe("SUCCEEDED");
    expect(got!.out.jobDetails.completedOn).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(got!.out.generatedPolicyResult.properties.principalArn).toBe(TEST_ROLE);
    expect(got!.out.generatedPolicyResult.generatedPolicies.map((p: { policy: string }) => p.policy).join("")).toContain("${");
    const plain = await aws(["get-generated-policy", "--job-id", jobId, "--no-include-resource-placeholders"]);
    expect(JSON.stringify(plain.out.generatedPolicyResult.generatedPolicies)).not.toContain("${");

    const second = await aws([
      "start-policy-generation",
      "--policy-generation-details",
      JSON.stringify({ principalArn: TEST_ROLE }),
      "--cloud-trail-details",
      details(),
    ]);
    // --page-size 1 makes the CLI fetch one item per call and follow nextToken to the end.
    const list = await aws(["list-policy-generations", "--page-size", "1"]);
    const ids = list.out.policyGenerations.map((g: { jobId: string }) => g.jobId);
    expect(ids).toEqual([second.out.jobId, jobId]);

    const cancel = await aws(["cancel-policy-generation", "--job-id", second.out.jobId]);
    expect(cancel.code).toBe(0);
    const after = await aws(["get-generated-policy", "--job-id", second.out.jobId]);
    expect(["CANCELED", "SUCCEEDED"]).toContain(after.out.jobDetails.status);
  });

  it("reports validation errors, unknown jobs and bad signatures as the CLI expects", async () => {
    const bad = await aws([
      "start-policy-generation",
      "--policy-generation-details",
      JSON.stringify({ principalArn: "arn:aws:iam::111122223333:group/x" }),
      "--cloud-trail-details",
      details(),
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/ValidationException/);
    expect(bad.stderr).toMatch(/role or a user/);
    const missing = await aws(["get-generated-policy", "--job-id", "3b1f7a0e-0000-4000-8000-000000000000"]);
    expect(missing.stderr).toMatch(/ResourceNotFoundException/);
    const wrong = await aws(["list-policy-generations"], "wrong-secret-wrong-secret-wrong-secret!!");
    expect(wrong.stderr).toMatch(/InvalidSignatureException/);
  });
});
