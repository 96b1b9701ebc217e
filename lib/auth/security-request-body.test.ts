// The signature check reads the body last and never more than its cap (issue 11, items 3 and 4):
// every refusal that needs no body happens before a byte is read, an oversized body is refused
// after at most the cap (plus one chunk), and UNSIGNED-PAYLOAD or a payload hash that does not
// match the body is refused. Bodies are counting streams, so "read" is measured, not assumed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { createApiKey } from "./api-keys";
import { API_MAX_BODY_BYTES, verifySigV4Request } from "./sigv4-verify";

let db: TestDb;
let key: { accessKeyId: string; secretAccessKey: string };
beforeAll(async () => {
  db = await createTestDb({ kind: "pglite" });
  key = await createApiKey({ name: "body-test", scopes: ["generations:read", "generations:write"], db: db.prisma });
});
afterAll(async () => db?.close());

const CHUNK = 64 * 1024;
const URL_ = "http://127.0.0.1:3000/policy/generation";

/** A body of `total` bytes produced only as it is read; `read()` tells how much was pulled. */
function countingBody(total: number) {
  let sent = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(CHUNK, total - sent);
        sent += n;
        controller.enqueue(n === CHUNK ? chunk : chunk.subarray(0, n));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read: () => sent };
}

interface Sign {
  body?: string;
  secret?: string;
  accessKeyId?: string;
  date?: Date;
  headers?: Record<string, string>;
  /** sign x-amz-content-sha256 (the JS SDK's style) */
  contentSha?: boolean;
}

async function signHeaders(spec: Sign): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: spec.accessKeyId ?? key.accessKeyId, secretAccessKey: spec.secret ?? key.secretAccessKey },
    region: "us-east-1",
    service: "access-analyzer",
    sha256: Sha256,
    applyChecksum: spec.contentSha ?? false,
  });
  const out = await signer.sign(
    {
      method: "PUT",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 3000,
      path: "/policy/generation",
      query: {},
      headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...spec.headers },
      body: spec.body ?? "{}",
    },
    { signingDate: spec.date ?? new Date() },
  );
  return out.headers as Record<string, string>;
}

function request(headers: Record<string, string>, body: BodyInit): Request {
  return new Request(URL_, { method: "PUT", headers, body, duplex: "half" } as RequestInit);
}

async function refusal(req: Request): Promise<{ type: string; status: number; message: string }> {
  const error = await verifySigV4Request(req, { service: "access-analyzer", db: db.prisma }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { type: String(error.details?.awsErrorType), status: error.status, message: error.message };
}

const HUGE = 300 * 1024 * 1024;

describe("the signature check and the request body", () => {
  it.each<[string, () => Promise<Record<string, string>>, string, number, RegExp]>([
    [
      "no Authorization header",
      async () => ({ "content-type": "application/json" }),
      "MissingAuthenticationTokenException",
      403,
      /Missing Authentication Token/,
    ],
    [
      "an unknown key",
      async () => signHeaders({ accessKeyId: "LWAKNOSUCHKEY0000000" }),
      "UnrecognizedClientException",
      403,
      /security token/,
    ],
    [
      "a stale date",
      async () => signHeaders({ date: new Date(Date.now() - 20 * 60_000) }),
      "InvalidSignatureException",
      403,
      /Signature expired/,
    ],
    [
      "x-amz-content-sha256: UNSIGNED-PAYLOAD",
      async () => signHeaders({ headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }),
      "InvalidSignatureException",
      403,
      /UNSIGNED-PAYLOAD/,
    ],
    [
      "a streaming payload",
      async () => signHeaders({ headers: { "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" } }),
      "InvalidSignatureException",
      403,
      /streaming payloads are S3 features/,
    ],
    [
      "a signed payload hash with a wrong secret",
      async () => signHeaders({ contentSha: true, secret: "not-the-secret" }),
      "InvalidSignatureException",
      403,
      /does not match/,
    ],
    [
      "a Content-Length over the cap",
      async () => ({ ...(await signHeaders({})), "content-length": String(HUGE) }),
      "RequestEntityTooLargeException",
      413,
      /larger than this API accepts/,
    ],
  ])("refuses %s before reading the body", async (_, headers, type, status, message) => {
    const body = countingBody(HUGE);
    const r = await refusal(request(await headers(), body.stream));
    expect(r).toMatchObject({ type, status });
    expect(r.message).toMatch(message);
    expect(body.read()).toBe(0);
  });

  it("refuses a validly signed 300 MB body after reading at most the cap", async () => {
    const body = countingBody(HUGE);
    const r = await refusal(request(await signHeaders({}), body.stream));
    expect(r).toMatchObject({ type: "RequestEntityTooLargeException", status: 413 });
    expect(body.read()).toBeLessThanOrEqual(API_MAX_BODY_BYTES + CHUNK);
  });

  it("refuses a body swapped after signing with UNSIGNED-PAYLOAD", async () => {
    const headers = await signHeaders({ body: '{"a":1}', headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
    expect((await refusal(request(headers, '{"a":"swapped"}'))).message).toMatch(/UNSIGNED-PAYLOAD/);
  });

  it.each([
    ["signed", true],
    ["not signed", false],
  ])("refuses a declared payload hash (%s) that does not match the body", async (_, contentSha) => {
    const signedFor = await signHeaders({ body: '{"a":1}', contentSha });
    const declared = contentSha ? signedFor : { ...signedFor, "x-amz-content-sha256": "0".repeat(64) };
    const r = await refusal(request(declared, '{"a":2}'));
    expect(r).toMatchObject({ type: "InvalidSignatureException", status: 403 });
    expect(r.message).toMatch(/x-amz-content-sha256/);
  });

  it.each([
    ["without a payload hash header (the CLI)", false],
    ["with a signed payload hash header (the JS SDK)", true],
  ])("accepts a body at the cap %s and returns it", async (_, contentSha) => {
    const text = JSON.stringify({ pad: "x".repeat(API_MAX_BODY_BYTES - 10) });
    expect(text.length).toBe(API_MAX_BODY_BYTES);
    const headers = await signHeaders({ body: text, contentSha });
    const out = await verifySigV4Request(request(headers, text), { service: "access-analyzer", db: db.prisma });
    expect(new TextDecoder().decode(out.body)).toBe(text);
  });
});
