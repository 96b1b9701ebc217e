// Issue 11, items 3 and 4, against the production server: a 300 MB upload, unsigned or signed with
// a valid key, is answered (403, or 413 in the service's format) after a few MB, and the server's
// memory does not grow (it grew by 700 MB before). Figures are attached to the test's output.
import { execFileSync } from "node:child_process";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { expect, test } from "@playwright/test";
import { pidListeningOn, rssMb } from "./support/server-process";

test.describe.configure({ mode: "serial" });

const MB = 1024 * 1024;
const TOTAL = 300 * MB;
let base: URL;
let pid: number;
let key: { accessKeyId: string; secretAccessKey: string };

test.beforeAll(async ({ baseURL }) => {
  base = new URL(baseURL!);
  pid = pidListeningOn(Number(base.port));
  // An API key issued by the CLI against the server's data directory (its private socket).
  const out = execFileSync(
    "npm",
    [
      "run",
      "-s",
      "leastwise",
      "--",
      "keys",
      "create",
      "--name",
      "e2e-body-limits",
      "--scopes",
      "generations:read,generations:write,local-account:admin",
    ],
    {
      env: { ...process.env, LEASTWISE_DATA_DIR: process.env.LEASTWISE_E2E_DATA_DIR },
      encoding: "utf8",
    },
  );
  key = { accessKeyId: /AWS_ACCESS_KEY_ID=(\S+)/.exec(out)![1], secretAccessKey: /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(out)![1] };
});

/** Signed over `body` ("" for none). */
async function signedHeaders(method: string, path: string, service: string, body = "{}"): Promise<Record<string, string>> {
  const signer = new SignatureV4({ credentials: key, region: "us-east-1", service, sha256: Sha256, applyChecksum: false });
  const out = await signer.sign({
    method,
    protocol: base.protocol,
    hostname: base.hostname,
    port: Number(base.port),
    path,
    query: {},
    headers: { host: base.host, ...(body ? { "content-type": "application/json" } : {}) },
    body: body || undefined,
  });
  const headers = { ...(out.headers as Record<string, string>) };
  delete headers.host;
  return headers;
}

/** Streams 300 MB (generated as read), returns the answer, how much was sent and the server's RSS. */
async function upload(method: string, path: string, headers: Record<string, string> = {}) {
  let sent = 0;
  const chunk = new Uint8Array(MB).fill(0x61);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (sent >= TOTAL) return c.close();
        sent += MB;
        c.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const before = rssMb(pid);
  const stop = new AbortController();
  const res = await fetch(new URL(path, base), {
    method,
    body,
    duplex: "half",
    headers: { "content-type": "application/json", ...headers },
    signal: stop.signal,
  } as RequestInit);
  const text = await res.text();
  const after = rssMb(pid);
  stop.abort();
  return {
    status: res.status,
    errorType: res.headers.get("x-amzn-errortype"),
    text,
    sentMb: sent / MB,
    rssBeforeMb: Math.round(before),
    rssAfterMb: Math.round(after),
  };
}

const CASES: [string, string, string, boolean, number, RegExp][] = [
  ["an unsigned PUT to the Access Analyzer API", "PUT", "/policy/generation", false, 403, /Missing Authentication Token/],
  ["an unsigned POST to the local IAM", "POST", "/local-aws/iam/", false, 403, /<Code>MissingAuthenticationToken<\/Code>/],
  [
    "a signed PUT to the Access Analyzer API",
    "PUT",
    "/policy/generation",
    true,
    413,
    /"message":"The request body is larger than this API accepts \(262144 bytes\)\."/,
  ],
  ["a signed POST to the local IAM", "POST", "/local-aws/iam/", true, 413, /<Code>RequestEntityTooLarge<\/Code>/],
];

for (const [what, method, path, signed, status, answer] of CASES) {
  test(`${what} of 300 MB is answered early and does not grow the server`, async ({ request: _request }, testInfo) => {
    const service = path.startsWith("/local-aws/iam") ? "iam" : "access-analyzer";
    const r = await upload(method, path, signed ? await signedHeaders(method, path, service) : {});
    await testInfo.attach("figures", {
      body: JSON.stringify(r.text.length > 300 ? { ...r, text: r.text.slice(0, 300) } : r, null, 2),
      contentType: "application/json",
    });
    console.log(`[${what}] ${JSON.stringify({ ...r, text: undefined })}`);
    expect(r.status).toBe(status);
    expect(r.text).toMatch(answer);
    if (status === 413 && service === "access-analyzer") expect(r.errorType).toBe("RequestEntityTooLargeException");
    expect(r.sentMb).toBeLessThan(100);
    expect(r.rssAfterMb - r.rssBeforeMb).toBeLessThan(64);
  });
}

test("the server still answers signed requests afterwards", async () => {
  const res = await fetch(new URL("/policy/generation", base), {
    headers: await signedHeaders("GET", "/policy/generation", "access-analyzer", ""),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toHaveProperty("policyGenerations");
});
