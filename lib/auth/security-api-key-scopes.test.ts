// Issue 11 item 12: an API key does only what its scopes allow, in every handler: the Access
// Analyzer API (real @aws-sdk/client-accessanalyzer) and the local account's IAM, CloudTrail and STS
// (real @aws-sdk/client-iam / -cloudtrail / -sts). Keys from before scopes are read-only unless
// LEASTWISE_LEGACY_API_KEYS=full.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessAnalyzerClient,
  CancelPolicyGenerationCommand,
  GetGeneratedPolicyCommand,
  ListPolicyGenerationsCommand,
  StartPolicyGenerationCommand,
} from "@aws-sdk/client-accessanalyzer";
import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { CreatePolicyCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { serveWebHandler, type RunningServer } from "@/lib/local-aws/http/serve-web-handler";
import { localAwsHandler } from "@/lib/local-aws/default-handler";
import { TEST_ACCESS_ROLE, TEST_ROLE, TEST_TRAIL_ARN } from "@/lib/jobs/test-fixtures";
import { startApiTestServer, type ApiTestServer } from "@/lib/api/test-server";
import { createApiKey, listApiKeys } from "./api-keys";
import { parseApiKeyScopes } from "./api-key-scopes";

let api: ApiTestServer;
let local: RunningServer;
type Key = { accessKeyId: string; secretAccessKey: string };
const keys: Record<string, Key> = {};

beforeAll(async () => {
  api = await startApiTestServer({ worker: false });
  // The local account's endpoints on the same process database.
  local = await serveWebHandler((req) => localAwsHandler()(req));
  keys.read = await createApiKey({ name: "read", scopes: ["generations:read"] });
  keys.write = await createApiKey({ name: "write", scopes: ["generations:write"] });
  keys.admin = await createApiKey({ name: "admin", scopes: ["local-account:admin"] });
  keys.all = await createApiKey({ name: "all", scopes: ["generations:read", "generations:write", "local-account:admin"] });
  // A key as it was before scopes existed (what the migration leaves).
  const legacy = await createApiKey({ name: "legacy", scopes: ["generations:read"] });
  await (await getDb()).apiKey.update({ where: { id: legacy.id }, data: { scoped: false, scopes: [] } });
  keys.legacy = legacy;
}, 180_000);

afterAll(async () => {
  await local?.stop();
  await api?.stop();
  delete process.env.LEASTWISE_LEGACY_API_KEYS;
  resetEnvCache();
});

const cfg = (k: Key, endpoint: string) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey },
  maxAttempts: 1,
});
const start = () =>
  new StartPolicyGenerationCommand({
    policyGenerationDetails: { principalArn: TEST_ROLE },
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
      accessRole: TEST_ACCESS_ROLE,
      startTime: api.trail.start,
      endTime: api.trail.end,
    },
  });

/** "ok" or the AWS error name. */
async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "ok";
  } catch (e) {
    return (e as { name?: string }).name ?? String(e);
  }
}

async function matrixFor(k: Key): Promise<Record<string, string>> {
  const aa = new AccessAnalyzerClient(cfg(k, api.url));
  const iam = new IAMClient(cfg(k, `${local.origin}/local-aws/iam`));
  const ct = new CloudTrailClient(cfg(k, `${local.origin}/local-aws/cloudtrail`));
  const sts = new STSClient(cfg(k, `${local.origin}/local-aws/sts`));
  let jobId = "00000000-0000-4000-8000-000000000000";
  const out: Record<string, string> = {};
  out.start = await outcome(async () => {
    jobId = (await aa.send(start())).jobId!;
  });
  out.list = await outcome(() => aa.send(new ListPolicyGenerationsCommand({})));
  out.get = await outcome(() => aa.send(new GetGeneratedPolicyCommand({ jobId })));
  out.cancel = await outcome(() => aa.send(new CancelPolicyGenerationCommand({ jobId })));
  out.iamRead = await outcome(() => iam.send(new ListRolesCommand({})));
  out.iamWrite = await outcome(() =>
    iam.send(
      new CreatePolicyCommand({
        PolicyName: `p-${k.accessKeyId}`,
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
      }),
    ),
  );
  out.cloudtrail = await outcome(() => ct.send(new DescribeTrailsCommand({})));
  out.sts = await outcome(() => sts.send(new GetCallerIdentityCommand({})));
  for (const c of [aa, iam, ct, sts]) c.destroy();
  return out;
}

// A write-only key starts a job, and then cannot read it: its get of a real job is refused.
const DENIED = "AccessDeniedException";
const IAM_DENIED = "AccessDenied";

describe("API key scopes", () => {
  it.each([
    [
      "read",
      {
        start: DENIED,
        list: "ok",
        get: "ResourceNotFoundException",
        cancel: DENIED,
        iamRead: IAM_DENIED,
        iamWrite: IAM_DENIED,
        cloudtrail: DENIED,
        sts: "ok",
      },
    ],
    [
      "write",
      { start: "ok", list: DENIED, get: DENIED, cancel: "ok", iamRead: IAM_DENIED, iamWrite: IAM_DENIED, cloudtrail: DENIED, sts: "ok" },
    ],
    ["admin", { start: DENIED, list: DENIED, get: DENIED, cancel: DENIED, iamRead: "ok", iamWrite: "ok", cloudtrail: "ok", sts: "ok" }],
    ["all", { start: "ok", list: "ok", get: "ok", cancel: "ok", iamRead: "ok", iamWrite: "ok", cloudtrail: "ok", sts: "ok" }],
    [
      "legacy",
      {
        start: DENIED,
        list: "ok",
        get: "ResourceNotFoundException",
        cancel: DENIED,
        iamRead: IAM_DENIED,
        iamWrite: IAM_DENIED,
        cloudtrail: DENIED,
        sts: "ok",
      },
    ],
  ])(
    "a %s key",
    async (name, expected) => {
      expect(await matrixFor(keys[name])).toEqual(expected);
    },
    120_000,
  );

  it("LEASTWISE_LEGACY_API_KEYS=full keeps a key from before scopes all-powerful", async () => {
    process.env.LEASTWISE_LEGACY_API_KEYS = "full";
    resetEnvCache();
    try {
      const m = await matrixFor(keys.legacy);
      expect(Object.values(m).every((v) => v === "ok")).toBe(true);
      expect((await listApiKeys()).find((k) => k.name === "legacy")).toMatchObject({
        scoped: false,
        scopes: ["generations:read", "generations:write", "local-account:admin"],
      });
    } finally {
      delete process.env.LEASTWISE_LEGACY_API_KEYS;
      resetEnvCache();
    }
    expect((await listApiKeys()).find((k) => k.name === "legacy")).toMatchObject({ scoped: false, scopes: ["generations:read"] });
  }, 120_000);

  it("refuses a key without scopes or with an unknown one, with a clear message", async () => {
    await expect(createApiKey({ name: "none", scopes: [] })).rejects.toThrow(/Choose at least one scope/);
    await expect(createApiKey({ name: "bad", scopes: ["root"] })).rejects.toThrow(/Unknown API key scope "root"/);
    expect(parseApiKeyScopes(["local-account:admin,generations:read", "generations:read"])).toEqual([
      "generations:read",
      "local-account:admin",
    ]);
  });
});
