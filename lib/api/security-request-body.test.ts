// The Access Analyzer API over HTTP (issue 11, items 3 and 4): an oversized body is 413 in the
// rest-json error shape the SDK understands, UNSIGNED-PAYLOAD and a swapped body are refused, and an
// unsigned upload is refused without being read. lib/auth/security-request-body.test.ts measures
// how much of a body the check reads; e2e/security-request-body.spec.ts the server's memory.
import { AccessAnalyzerClient, StartPolicyGenerationCommand } from "@aws-sdk/client-accessanalyzer";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
const API_MAX_BODY_BYTES = 256 * 1024;
import { TEST_ACCESS_ROLE, TEST_ROLE, TEST_TRAIL_ARN } from "@/lib/jobs/test-fixtures";
import { startApiTestServer, type ApiTestServer } from "./test-server";

let s: ApiTestServer;
beforeAll(async () => {
  s = await startApiTestServer({ worker: false });
});
afterAll(async () => s?.stop());

async function signedPut(body: string, headers: Record<string, string> = {}): Promise<{ url: URL; headers: Record<string, string> }> {
  const url = new URL(`${s.url}/policy/generation`);
  const signer = new SignatureV4({
    credentials: s.key,
    region: "us-east-1",
    service: "access-analyzer",
    sha256: Sha256,
    applyChecksum: false,
  });
  const out = await signer.sign({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, "content-type": "application/json", ...headers },
    body,
  });
  return { url, headers: out.headers as Record<string, string> };
}

const startBody = (principalArn = TEST_ROLE) =>
  JSON.stringify({
    policyGenerationDetails: { principalArn },
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
      accessRole: TEST_ACCESS_ROLE,
      startTime: s.trail.start.toISOString(),
      endTime: s.trail.end.toISOString(),
    },
  });

describe("Access Analyzer API request bodies", () => {
  it("answers 413 RequestEntityTooLargeException to the SDK for a body over the cap", async () => {
    const client = new AccessAnalyzerClient({ endpoint: s.url, region: "us-east-1", credentials: s.key, maxAttempts: 1 });
    const trails = Array.from({ length: 3000 }, (_, i) => ({
      cloudTrailArn: `arn:aws:cloudtrail:us-east-1:111122223333:trail/${"t".repeat(100)}-${i}`,
      allRegions: true,
    }));
    const error = await client
      .send(
        new StartPolicyGenerationCommand({
          policyGenerationDetails: { principalArn: TEST_ROLE },
          cloudTrailDetails: { trails, accessRole: TEST_ACCESS_ROLE, startTime: s.trail.start },
        }),
      )
      .then(
        () => undefined,
        (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode: number } },
      );
    client.destroy();
    expect(error).toMatchObject({ name: "RequestEntityTooLargeException", $metadata: { httpStatusCode: 413 } });
    expect(error!.message).toBe(`The request body is larger than this API accepts (${API_MAX_BODY_BYTES} bytes).`);
  });

  it("answers 413 in the rest-json shape to a raw request", async () => {
    const body = JSON.stringify({ pad: "x".repeat(API_MAX_BODY_BYTES) });
    const { url, headers } = await signedPut(body);
    const res = await fetch(url, { method: "PUT", headers, body });
    expect(res.status).toBe(413);
    expect(res.headers.get("x-amzn-errortype")).toBe("RequestEntityTooLargeException");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ message: `The request body is larger than this API accepts (${API_MAX_BODY_BYTES} bytes).` });
  });

  it("refuses UNSIGNED-PAYLOAD, even when the body is the one signed", async () => {
    const body = startBody();
    const { url, headers } = await signedPut(body, { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const res = await fetch(url, { method: "PUT", headers, body });
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    expect((await res.json()).message).toMatch(/UNSIGNED-PAYLOAD/);
  });

  it("refuses a body swapped after signing with UNSIGNED-PAYLOAD, and starts no job", async () => {
    const { url, headers } = await signedPut(startBody(), { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    const res = await fetch(url, { method: "PUT", headers, body: startBody("arn:aws:iam::111122223333:role/someone-else") });
    expect(res.status).toBe(403);
    const { listPolicyGenerations } = await import("@/lib/jobs/list-policy-generations");
    expect((await listPolicyGenerations({})).policyGenerations).toEqual([]);
  });

  it("refuses a payload hash that does not match the body", async () => {
    const body = startBody();
    const { url, headers } = await signedPut(body);
    const res = await fetch(url, { method: "PUT", headers: { ...headers, "x-amz-content-sha256": "0".repeat(64) }, body });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/x-amz-content-sha256/);
  });

  it("refuses an unsigned 50 MB upload with 403 before reading it", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          if (sent >= 50 * chunk.length) return c.close();
          sent += chunk.length;
          c.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const upload = new AbortController();
    const res = await fetch(`${s.url}/policy/generation`, {
      method: "PUT",
      body: stream,
      duplex: "half",
      signal: upload.signal,
    } as RequestInit);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(sent).toBeLessThan(50 * chunk.length);
    upload.abort(); // stop the client's upload (the server has answered)
  });
});
