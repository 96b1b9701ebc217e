// Upstream error text (S3, STS, CloudTrail bodies, or an endpoint posing as one) never reaches a
// jobError message or any user-visible message verbatim: Leastwise says what failed in its own
// words, with at most the error's code (a bare identifier) and HTTP status.
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanError } from "@/lib/engine/errors";
import { mapIamError } from "@/lib/iam/map-iam-error";
import { serveWebHandler, type RunningServer } from "@/lib/local-aws/http/serve-web-handler";
import { s3ScanError } from "@/lib/logs/s3-errors";
import { assumeAccessRole } from "@/lib/trails/assume-access-role";
import { toJobError } from "./job-errors";

const EVIL = "<script>alert(1)</script> visit http://evil.example/phish";

let sts: RunningServer;
beforeAll(async () => {
  // An STS endpoint that answers every request with an error whose message is hostile.
  sts = await serveWebHandler(async () => {
    const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${EVIL.replace(/</g, "&lt;")}</Message></Error><RequestId>x</RequestId></ErrorResponse>`;
    return new Response(body, { status: 403, headers: { "content-type": "text/xml" } });
  });
});
afterAll(() => sts?.stop());

const sdkError = (name: string, status: number) => Object.assign(new Error(EVIL), { name, $metadata: { httpStatusCode: status } });

describe("upstream error text is never reflected", () => {
  it("STS AssumeRole refused with a hostile message: the jobError names the call and role only", async () => {
    const client = new STSClient({
      region: "us-east-1",
      endpoint: sts.origin,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    const error = await assumeAccessRole({ roleArn: "arn:aws:iam::111122223333:role/r", sts: client, retryForMs: 0 }).catch(
      (e: unknown) => e,
    );
    const job = toJobError(error, "Reading trail t");
    expect(job.code).toBe("AUTHORIZATION_ERROR");
    expect(job.message).toMatch(
      /STS AssumeRole on the access role arn:aws:iam::111122223333:role\/r was refused \(AccessDenied, HTTP 403\)/,
    );
    expect(job.message).not.toContain("evil.example");
    expect(job.message).not.toContain("<script>");
  });

  it.each([
    ["S3 5xx", sdkError("InternalError", 500)],
    ["S3 with a hostile code", sdkError("<b>x</b>", 502)],
    ["S3 403", sdkError("AccessDenied", 403)],
    ["S3 unknown 403 (HeadBucket)", sdkError("Unknown", 403)],
  ])("%s: the scan error and the jobError carry no upstream text", (_label, e) => {
    const scan = s3ScanError(e, "S3 HeadBucket on s3://bucket");
    expect(scan.message).not.toContain("evil.example");
    expect(scan.message).not.toContain("<");
    expect(scan.message).not.toMatch(/\(Unknown\)/);
    const job = toJobError(scan, "Reading trail t");
    expect(job.message).not.toContain("evil.example");
  });

  it("an unexpected error's text stays in the log", () => {
    const job = toJobError(new Error(EVIL), "Reading trail t");
    expect(job.message).not.toContain("evil.example");
    expect(job.message).toMatch(/an unexpected error occurred/);
  });

  it("IAM errors the console shows keep the text in details only", () => {
    for (const name of ["AccessDenied", "WeirdException", "ServiceFailure", "LimitExceeded"]) {
      const mapped = mapIamError(sdkError(name, 500), { doing: "list the roles", permission: "iam:ListRoles" });
      expect(mapped.userMessage).not.toContain("evil.example");
      expect(mapped.details?.awsMessage).toBe(EVIL);
    }
  });

  it("a ScanError built by Leastwise passes through", () => {
    expect(
      toJobError(new ScanError("RESOURCE_NOT_FOUND", "S3 HeadBucket on s3://b: the bucket does not exist"), "Reading trail t").message,
    ).toMatch(/the bucket does not exist/);
  });
});
