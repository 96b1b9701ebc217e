import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { createApiKey, revokeApiKey } from "./api-keys";
import { verifySigV4Request } from "./sigv4-verify";

let db: TestDb;
let key: { id: string; accessKeyId: string; secretAccessKey: string };
beforeAll(async () => {
  db = await createTestDb({ kind: "pglite" });
  key = await createApiKey({ name: "sigv4-test", scopes: ["generations:read"], db: db.prisma });
});
afterAll(async () => db?.close());

interface Spec {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
  service?: string;
  secret?: string;
  accessKeyId?: string;
  date?: Date;
  contentSha?: boolean;
}

/** Signs like a client would (the SDK's signer), then builds the Request the server receives. */
async function signed(spec: Spec): Promise<{ req: Request; raw: { url: string; init: RequestInit; headers: Record<string, string> } }> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: spec.accessKeyId ?? key.accessKeyId, secretAccessKey: spec.secret ?? key.secretAccessKey },
    region: "us-east-1",
    service: spec.service ?? "access-analyzer",
    sha256: Sha256,
    applyChecksum: spec.contentSha ?? false,
  });
  const out = await signer.sign(
    {
      method: spec.method ?? "GET",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 3000,
      path: spec.path ?? "/policy/generation",
      query: spec.query ?? {},
      headers: { host: "127.0.0.1:3000", ...(spec.body ? { "content-type": "application/json" } : {}), ...(spec.headers ?? {}) },
      body: spec.body,
    },
    { signingDate: spec.date ?? new Date() },
  );
  const qs = Object.entries(spec.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  const url = `http://127.0.0.1:3000${spec.path ?? "/policy/generation"}${qs ? `?${qs}` : ""}`;
  const headers = out.headers as Record<string, string>;
  const init: RequestInit = { method: spec.method ?? "GET", headers, body: spec.body };
  return { req: new Request(url, init), raw: { url, init, headers } };
}

async function refusal(req: Request): Promise<{ type: string; message: string; status: number }> {
  const error = await verifySigV4Request(req, { service: "access-analyzer", db: db.prisma }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected a refusal, got ${String(error)}`).toBe(true);
  if (!isAppError(error)) throw error;
  return { type: String(error.details?.awsErrorType), message: error.message, status: error.status };
}

describe("verifySigV4Request", () => {
  it.each<[string, Spec]>([
    [
      "a GET with ARNs and tokens in the query",
      { query: { principalArn: "arn:aws:iam::111122223333:role/path/My+Role", nextToken: "eyJzIjoi=", maxResults: "5" } },
    ],
    [
      "a PUT with a JSON body",
      { method: "PUT", body: JSON.stringify({ policyGenerationDetails: { principalArn: "arn:aws:iam::1:role/x" } }) },
    ],
    ["a PUT whose payload hash header is signed (JS SDK style)", { method: "PUT", body: "{}", contentSha: true }],
    ["extra signed headers", { headers: { "x-amz-user-agent": "aws-sdk-js/3", "amz-sdk-invocation-id": "abc" } }],
    ["a clock 14 minutes behind", { date: new Date(Date.now() - 14 * 60_000) }],
  ])("accepts %s", async (_, spec) => {
    const { req } = await signed(spec);
    await expect(verifySigV4Request(req, { service: "access-analyzer", db: db.prisma })).resolves.toMatchObject({
      accessKeyId: key.accessKeyId,
      region: "us-east-1",
    });
  });

  it("refuses a tampered body, query or header", async () => {
    const put = await signed({ method: "PUT", body: '{"a":1}' });
    expect((await refusal(new Request(put.raw.url, { ...put.raw.init, body: '{"a":2}' }))).type).toBe("InvalidSignatureException");
    const shaPut = await signed({ method: "PUT", body: '{"a":1}', contentSha: true });
    expect((await refusal(new Request(shaPut.raw.url, { ...shaPut.raw.init, body: '{"a":2}' }))).message).toMatch(/x-amz-content-sha256/);
    const get = await signed({ query: { maxResults: "5" } });
    expect((await refusal(new Request(get.raw.url.replace("maxResults=5", "maxResults=6"), get.raw.init))).type).toBe(
      "InvalidSignatureException",
    );
    const hdr = await signed({ headers: { "x-amz-user-agent": "a" } });
    expect(
      (await refusal(new Request(hdr.raw.url, { ...hdr.raw.init, headers: { ...hdr.raw.headers, "x-amz-user-agent": "b" } }))).type,
    ).toBe("InvalidSignatureException");
    const { x: _drop, ...rest } = { x: 0, ...hdr.raw.headers };
    delete (rest as Record<string, string>)["x-amz-user-agent"];
    expect((await refusal(new Request(hdr.raw.url, { ...hdr.raw.init, headers: rest as Record<string, string> }))).message).toMatch(
      /missing from the request/,
    );
  });

  it.each<[string, () => Promise<Request>, string, RegExp]>([
    [
      "no Authorization header",
      async () => new Request("http://127.0.0.1:3000/policy/generation"),
      "MissingAuthenticationTokenException",
      /Missing Authentication Token/,
    ],
    [
      "a malformed Authorization header",
      async () => new Request("http://h/policy/generation", { headers: { authorization: "Bearer xyz", "x-amz-date": "20260101T000000Z" } }),
      "IncompleteSignatureException",
      /AWS4-HMAC-SHA256/,
    ],
    [
      "another service's scope",
      async () => (await signed({ service: "iam" })).req,
      "InvalidSignatureException",
      /correct service: 'access-analyzer'/,
    ],
    ["a wrong secret", async () => (await signed({ secret: "not-the-secret" })).req, "InvalidSignatureException", /does not match/],
    [
      "an unknown key",
      async () => (await signed({ accessKeyId: "LWAKNOSUCHKEY0000000" })).req,
      "UnrecognizedClientException",
      /security token included in the request is invalid/,
    ],
    [
      "a request 16 minutes old",
      async () => (await signed({ date: new Date(Date.now() - 16 * 60_000) })).req,
      "InvalidSignatureException",
      /Signature expired/,
    ],
    [
      "a request 16 minutes in the future",
      async () => (await signed({ date: new Date(Date.now() + 16 * 60_000) })).req,
      "InvalidSignatureException",
      /Signature expired.*later/,
    ],
  ])("refuses %s", async (_, make, type, message) => {
    const r = await refusal(await make());
    expect(r.type).toBe(type);
    expect(r.status).toBe(403);
    expect(r.message).toMatch(message);
  });

  it("refuses a revoked key", async () => {
    const k = await createApiKey({ name: "short-lived", scopes: ["generations:read"], db: db.prisma });
    const make = () => signed({ accessKeyId: k.accessKeyId, secret: k.secretAccessKey });
    await expect(verifySigV4Request((await make()).req, { service: "access-analyzer", db: db.prisma })).resolves.toBeDefined();
    await revokeApiKey({ id: k.accessKeyId, db: db.prisma });
    expect((await refusal((await make()).req)).type).toBe("UnrecognizedClientException");
  });
});
