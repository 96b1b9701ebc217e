// AssumeRole of the access role against STS endpoints that fail the way STS does (over HTTP): what
// is retried, for how long, and how each failure is classified. Throttling, 5xx and network
// failures are never AUTHORIZATION_ERROR.
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobFailure } from "@/lib/jobs/job-errors";
import { serveWebHandler, type RunningServer } from "@/lib/local-aws/http/serve-web-handler";
import { assumeAccessRole } from "./assume-access-role";
import { classifyAwsError } from "./classify-aws-error";

const ROLE = "arn:aws:iam::111122223333:role/service-role/AccessAnalyzerMonitorServiceRole_x";
const errorXml = (code: string, type = "Sender") =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${type}</Type><Code>${code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
const okXml = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:x</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/r/x</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`;

let server: RunningServer;
let script: { status: number; body: string }[] = [];
let calls = 0;
beforeAll(async () => {
  server = await serveWebHandler(async () => {
    const next = script[Math.min(calls++, script.length - 1)];
    return new Response(next.body, { status: next.status, headers: { "content-type": "text/xml" } });
  });
});
afterAll(() => server?.stop());

const sts = () =>
  new STSClient({
    region: "us-east-1",
    endpoint: server.origin,
    credentials: { accessKeyId: "AKID", secretAccessKey: "s" },
    maxAttempts: 1,
  });
const noSleep = async () => {};

async function attempt(steps: { status: number; body: string }[], retryForMs: number) {
  script = steps;
  calls = 0;
  const result = await assumeAccessRole({ roleArn: ROLE, sts: sts(), retryForMs, sleep: noSleep }).catch((e: unknown) => e);
  return { result, calls };
}

describe("assumeAccessRole", () => {
  it("retries the propagation AccessDenied and succeeds", async () => {
    const { result, calls } = await attempt(
      [
        { status: 403, body: errorXml("AccessDenied") },
        { status: 403, body: errorXml("AccessDenied") },
        { status: 200, body: okXml },
      ],
      30_000,
    );
    expect(result).toMatchObject({
      credentials: { accessKeyId: "ASIAEXAMPLE", sessionToken: "t" },
      attempts: 3,
      assumeRole: { roleArn: ROLE, expiresAt: "2099-01-01T00:00:00.000Z" },
    });
    expect(calls).toBe(3);
  });

  it("gives up within its budget (the sleeps are bounded)", async () => {
    script = [{ status: 403, body: errorXml("AccessDenied") }];
    calls = 0;
    let slept = 0;
    const error = await assumeAccessRole({
      roleArn: ROLE,
      sts: sts(),
      retryForMs: 10_000,
      sleep: async (ms) => {
        slept += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailure);
    expect(calls).toBeGreaterThan(2);
    expect(calls).toBeLessThan(12);
    expect(slept).toBeLessThanOrEqual(10_000);
  });

  it.each([
    ["AccessDenied", 403, "Sender", "AUTHORIZATION_ERROR", /was refused \(AccessDenied, HTTP 403\).*trust policy/],
    ["Throttling", 400, "Sender", "SERVICE_ERROR", /was throttled by AWS \(Throttling, HTTP 400\)/],
    ["InternalFailure", 500, "Receiver", "SERVICE_ERROR", /failed \(InternalFailure, HTTP 500\)/],
    ["ServiceUnavailable", 503, "Receiver", "SERVICE_ERROR", /failed \(ServiceUnavailable, HTTP 503\)/],
    ["ExpiredToken", 403, "Sender", "SERVICE_ERROR", /credentials Leastwise itself runs with were refused or have expired \(ExpiredToken/],
    ["InvalidClientTokenId", 403, "Sender", "SERVICE_ERROR", /credentials Leastwise itself runs with/],
  ])("%s (HTTP %i) -> %s", async (code, status, type, jobCode, message) => {
    const { result } = await attempt([{ status, body: errorXml(code, type) }], 0);
    expect(result).toBeInstanceOf(JobFailure);
    expect((result as JobFailure).code).toBe(jobCode);
    expect((result as JobFailure).message).toMatch(message);
  });

  it("an unreachable STS is SERVICE_ERROR naming the endpoint setting", async () => {
    const dead = new STSClient({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "s" },
      maxAttempts: 1,
    });
    const error = (await assumeAccessRole({ roleArn: ROLE, sts: dead, retryForMs: 0 }).catch((e: unknown) => e)) as JobFailure;
    expect(error.code).toBe("SERVICE_ERROR");
    expect(error.message).toMatch(/STS could not be reached .*AWS_ENDPOINT_URL_STS/);
  });

  it.each([
    [{ name: "AccessDenied", $metadata: { httpStatusCode: 403 } }, "denied"],
    [{ name: "SlowDown", $metadata: { httpStatusCode: 503 } }, "throttled"],
    [{ name: "TrailNotFoundException", $metadata: { httpStatusCode: 400 } }, "not-found"],
    [{ name: "ExpiredTokenException", $metadata: { httpStatusCode: 400 } }, "credentials"],
    [{ name: "CredentialsProviderError" }, "credentials"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "network"],
    [{ name: "Unknown", $metadata: { httpStatusCode: 500 } }, "server"],
    [{ name: "Unknown", $metadata: { httpStatusCode: 403 } }, "denied"],
  ])("classifies %j as %s", (error, kind) => {
    expect(classifyAwsError(error)).toBe(kind);
  });
});
