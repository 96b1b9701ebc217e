// The API driven by the real @aws-sdk/client-accessanalyzer against a running server (embedded
// PGlite, the default setup): the whole flow, idempotency, every validation error, auth refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessAnalyzerClient,
  CancelPolicyGenerationCommand,
  GetGeneratedPolicyCommand,
  ListPolicyGenerationsCommand,
  StartPolicyGenerationCommand,
  paginateListPolicyGenerations,
  type StartPolicyGenerationCommandInput,
} from "@aws-sdk/client-accessanalyzer";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { resetEnvCache } from "@/lib/env";
import { TEST_ACCESS_ROLE, TEST_ROLE, TEST_TRAIL_ARN } from "@/lib/jobs/test-fixtures";
import { startApiTestServer, type ApiTestServer } from "./test-server";

let s: ApiTestServer;
let client: AccessAnalyzerClient;
const clientFor = (accessKeyId: string, secretAccessKey: string, extra: Record<string, unknown> = {}) =>
  new AccessAnalyzerClient({
    endpoint: s.url,
    region: "us-east-1",
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
    ...extra,
  });

beforeAll(async () => {
  s = await startApiTestServer();
  client = clientFor(s.key.accessKeyId, s.key.secretAccessKey);
});
afterAll(async () => {
  client?.destroy();
  await s?.stop();
});

const input = (
  over: Partial<StartPolicyGenerationCommandInput["cloudTrailDetails"]> = {},
  principalArn = TEST_ROLE,
): StartPolicyGenerationCommandInput => ({
  policyGenerationDetails: { principalArn },
  cloudTrailDetails: {
    trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
    accessRole: TEST_ACCESS_ROLE,
    startTime: s.trail.start,
    endTime: s.trail.end,
    ...over,
  },
});

async function poll(jobId: string, flags: { includeResourcePlaceholders?: boolean; includeServiceLevelTemplate?: boolean } = {}) {
  for (let i = 0; i < 300; i++) {
    const out = await client.send(new GetGeneratedPolicyCommand({ jobId, ...flags }));
    if (out.jobDetails?.status !== "IN_PROGRESS") return out;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("job did not finish");
}

async function failure(p: Promise<unknown>) {
  const error = await p.then(
    () => undefined,
    (e: unknown) =>
      e as {
        name: string;
        $metadata: { httpStatusCode: number };
        reason?: string;
        fieldList?: { name: string; message: string }[];
        message: string;
        resourceId?: string;
      },
  );
  expect(error, "the call should have failed").toBeDefined();
  return error!;
}

describe("Access Analyzer API with @aws-sdk/client-accessanalyzer", () => {
  it("start -> poll -> get with both flags", async () => {
    const { jobId } = await client.send(new StartPolicyGenerationCommand(input()));
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const done = await poll(jobId!);
    expect(done.jobDetails).toMatchObject({ jobId, status: "SUCCEEDED" });
    expect(done.jobDetails!.startedOn).toBeInstanceOf(Date);
    expect(done.jobDetails!.completedOn).toBeInstanceOf(Date);
    const props = done.generatedPolicyResult!.properties!;
    expect(props.principalArn).toBe(TEST_ROLE);
    expect(props.cloudTrailProperties!.startTime!.getTime()).toBe(s.trail.start.getTime());
    expect(props.cloudTrailProperties!.trailProperties).toEqual([{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }]);
    const plain = done.generatedPolicyResult!.generatedPolicies!.map((p) => p.policy!).join("\n");
    expect(plain).toContain('"Version":"2012-10-17"');
    expect(plain).not.toContain("${");
    const full = await client.send(
      new GetGeneratedPolicyCommand({ jobId, includeResourcePlaceholders: true, includeServiceLevelTemplate: true }),
    );
    expect(typeof full.generatedPolicyResult!.properties!.isComplete).toBe("boolean");
    expect(full.generatedPolicyResult!.generatedPolicies!.map((p) => p.policy).join("")).toContain("${");
  });

  it("is idempotent on clientToken; a reused token with another request is a ConflictException", async () => {
    const a = await client.send(new StartPolicyGenerationCommand({ ...input(), clientToken: "same-token" }));
    const b = await client.send(new StartPolicyGenerationCommand({ ...input(), clientToken: "same-token" }));
    expect(b.jobId).toBe(a.jobId);
    const e = await failure(
      client.send(
        new StartPolicyGenerationCommand({ ...input({}, "arn:aws:iam::111122223333:role/data-pipeline"), clientToken: "same-token" }),
      ),
    );
    expect(e.name).toBe("ConflictException");
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e.resourceId).toBe(a.jobId);
    await poll(a.jobId!);
  });

  it("lists with pagination and a principal filter", async () => {
    const other = "arn:aws:iam::111122223333:role/data-pipeline";
    const { jobId } = await client.send(new StartPolicyGenerationCommand(input({}, other)));
    await poll(jobId!);
    const seen: string[] = [];
    for await (const page of paginateListPolicyGenerations({ client, pageSize: 1 }, {})) {
      expect(page.policyGenerations!.length).toBeLessThanOrEqual(1);
      seen.push(...page.policyGenerations!.map((g) => g.jobId!));
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBe(jobId);
    const filtered = await client.send(new ListPolicyGenerationsCommand({ principalArn: other }));
    expect(filtered.policyGenerations!.map((g) => g.jobId)).toEqual([jobId]);
    expect(filtered.policyGenerations![0]).toMatchObject({ principalArn: other, status: "SUCCEEDED" });
    expect(filtered.nextToken).toBeUndefined();
  });

  it("cancels (idempotently) and answers 404 for an unknown job", async () => {
    const { jobId } = await client.send(new StartPolicyGenerationCommand(input()));
    await client.send(new CancelPolicyGenerationCommand({ jobId }));
    await client.send(new CancelPolicyGenerationCommand({ jobId }));
    const got = await client.send(new GetGeneratedPolicyCommand({ jobId }));
    expect(got.jobDetails!.status).toBe("CANCELED");
    const e = await failure(client.send(new GetGeneratedPolicyCommand({ jobId: "3b1f7a0e-0000-4000-8000-000000000000" })));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.$metadata.httpStatusCode).toBe(404);
    const e2 = await failure(client.send(new CancelPolicyGenerationCommand({ jobId: "nope" })));
    expect(e2.name).toBe("ResourceNotFoundException");
  });

  const DAY = 86_400_000;
  it.each([
    ["a group is not a principal", () => input({}, "arn:aws:iam::111122223333:group/devs"), "policyGenerationDetails.principalArn"],
    ["a session ARN", () => input({}, "arn:aws:sts::111122223333:assumed-role/TargetRole/s"), "policyGenerationDetails.principalArn"],
    ["a user as access role", () => input({ accessRole: "arn:aws:iam::111122223333:user/bob" }), "cloudTrailDetails.accessRole"],
    ["a bad trail ARN", () => input({ trails: [{ cloudTrailArn: "arn:aws:s3:::bucket" }] }), "cloudTrailDetails.trails.1.cloudTrailArn"],
    [
      "an unregistered trail",
      () => input({ trails: [{ cloudTrailArn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/nope-trail" }] }),
      "cloudTrailDetails.trails.1.cloudTrailArn",
    ],
    [
      "a bad region",
      () => input({ trails: [{ cloudTrailArn: TEST_TRAIL_ARN, regions: ["mars-1"] }] }),
      "cloudTrailDetails.trails.1.regions",
    ],
    ["no trails", () => input({ trails: [] }), "cloudTrailDetails.trails"],
    ["end before start", () => input({ endTime: new Date(s.trail.start.getTime() - DAY) }), "cloudTrailDetails.endTime"],
    ["over 90 days", () => input({ startTime: new Date(Date.now() - 120 * DAY), endTime: new Date() }), "cloudTrailDetails.startTime"],
    [
      "a start in the future",
      () => input({ startTime: new Date(Date.now() + DAY), endTime: new Date(Date.now() + 2 * DAY) }),
      "cloudTrailDetails.startTime",
    ],
    ["no cloudTrailDetails", () => ({ policyGenerationDetails: { principalArn: TEST_ROLE } }), "cloudTrailDetails"],
  ])("refuses %s with a ValidationException naming the field", async (_, make, field) => {
    const e = await failure(client.send(new StartPolicyGenerationCommand(make())));
    expect(e.name).toBe("ValidationException");
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.reason).toBe("fieldValidationFailed");
    expect(e.fieldList!.map((f) => f.name)).toContain(field);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it("refuses bad list parameters", async () => {
    expect((await failure(client.send(new ListPolicyGenerationsCommand({ maxResults: 0 })))).name).toBe("ValidationException");
    expect((await failure(client.send(new ListPolicyGenerationsCommand({ nextToken: "forged" })))).name).toBe("ValidationException");
    expect((await failure(client.send(new ListPolicyGenerationsCommand({ principalArn: "nope" })))).name).toBe("ValidationException");
  });

  it("answers 402 ServiceQuotaExceededException past the concurrency quota", async () => {
    process.env.LEASTWISE_MAX_CONCURRENT_GENERATIONS = "1";
    resetEnvCache();
    try {
      // A window far from the logs' days still runs; two at once exceed a quota of 1.
      const first = await client.send(new StartPolicyGenerationCommand(input()));
      const e = await failure(client.send(new StartPolicyGenerationCommand(input())));
      expect(e.name).toBe("ServiceQuotaExceededException");
      expect(e.$metadata.httpStatusCode).toBe(402);
      expect(e.message).toMatch(/quota: 1/);
      await client.send(new CancelPolicyGenerationCommand({ jobId: first.jobId }));
    } finally {
      delete process.env.LEASTWISE_MAX_CONCURRENT_GENERATIONS;
      resetEnvCache();
    }
  });

  it("answers 409 ConflictException to a second generation for a principal while one runs", async () => {
    const first = await client.send(new StartPolicyGenerationCommand(input()));
    const e = await failure(client.send(new StartPolicyGenerationCommand(input())));
    expect(e.name).toBe("ConflictException");
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e.message).toMatch(new RegExp(`already in progress \\(job ${first.jobId}\\)`));
    await client.send(new CancelPolicyGenerationCommand({ jobId: first.jobId }));
    // Once it is canceled, a new one starts.
    const again = await client.send(new StartPolicyGenerationCommand(input()));
    await client.send(new CancelPolicyGenerationCommand({ jobId: again.jobId }));
  });

  it("refuses unsigned, unknown-key, wrongly signed, revoked-key and stale requests", async () => {
    const unsigned = await fetch(`${s.url}/policy/generation`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");

    const unknown = await failure(clientFor("LWAKUNKNOWNUNKNOWN00", "x".repeat(40)).send(new ListPolicyGenerationsCommand({})));
    expect(unknown.name).toBe("UnrecognizedClientException");
    expect(unknown.$metadata.httpStatusCode).toBe(403);

    const wrong = await failure(clientFor(s.key.accessKeyId, "y".repeat(40)).send(new ListPolicyGenerationsCommand({})));
    expect(wrong.name).toBe("InvalidSignatureException");
    expect(wrong.message).toMatch(/signature we calculated does not match/);

    const stale = await failure(
      clientFor(s.key.accessKeyId, s.key.secretAccessKey, { systemClockOffset: -20 * 60_000 }).send(new ListPolicyGenerationsCommand({})),
    );
    expect(stale.name).toBe("InvalidSignatureException");
    expect(stale.message).toMatch(/Signature expired/);

    const temp = await createApiKey({ name: "to-revoke", scopes: ["generations:read"] });
    const tempClient = clientFor(temp.accessKeyId, temp.secretAccessKey);
    await tempClient.send(new ListPolicyGenerationsCommand({}));
    await revokeApiKey({ id: temp.id });
    expect((await failure(tempClient.send(new ListPolicyGenerationsCommand({})))).name).toBe("UnrecognizedClientException");
  });
});
