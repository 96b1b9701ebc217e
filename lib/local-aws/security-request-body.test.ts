// The local account's endpoints over HTTP (issue 11, items 3 and 4): a body over the service's
// cap is 413 in the service's own error format (IAM and STS Query XML, CloudTrail JSON 1.1) and
// the SDKs read it; IAM's cap still admits its largest policy document; UNSIGNED-PAYLOAD is refused.
import { DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { CreatePolicyCommand, CreateRoleCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_AWS_MAX_BODY_BYTES } from "./body-limits";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";
import { rejection } from "./testing/rejection";
import { signedFetch } from "./testing/signed-fetch";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const FORM = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
const JSON11 = {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails",
};

describe("local AWS request bodies", () => {
  let f: LocalAwsFixture;
  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
  });
  afterAll(() => f?.stop());
  const post = (service: string, body: string, headers: Record<string, string>) =>
    signedFetch({ url: `${f.server.origin}/local-aws/${service}/`, service, body, headers, credentials: f.credentials });

  it("IAM answers 413 RequestEntityTooLarge to the SDK for a body over its cap", async () => {
    const e = await rejection(
      f.iam.send(
        new CreateRoleCommand({ RoleName: "big", AssumeRolePolicyDocument: TRUST, Description: "d".repeat(LOCAL_AWS_MAX_BODY_BYTES.iam) }),
      ),
    );
    expect(e).toMatchObject({ name: "RequestEntityTooLarge", status: 413 });
    expect(e.message).toBe(`The request body is larger than this API accepts (${LOCAL_AWS_MAX_BODY_BYTES.iam} bytes).`);
  });

  it("IAM's cap admits a 131,072-character policy document of 2-byte characters (IAM's own limit decides)", async () => {
    const frame =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":""}}}]}';
    const doc = frame.replace('"s3:prefix":""', `"s3:prefix":"${"é".repeat(131_072 - frame.length)}"`);
    expect(doc.length).toBe(131_072);
    const e = await rejection(
      f.iam.send(new CreatePolicyCommand({ PolicyName: "largest", PolicyDocument: doc, Description: "d".repeat(1000) })),
    );
    expect(e).toMatchObject({ name: "LimitExceededException", status: 409 });
  });

  it("CloudTrail answers 413 RequestEntityTooLargeException (JSON 1.1) to the SDK", async () => {
    const e = await rejection(
      f.cloudTrail.send(new DescribeTrailsCommand({ trailNameList: ["t".repeat(LOCAL_AWS_MAX_BODY_BYTES.cloudtrail)] })),
    );
    expect(e).toMatchObject({ name: "RequestEntityTooLargeException", status: 413 });
    const res = await post("cloudtrail", JSON.stringify({ trailNameList: ["t".repeat(LOCAL_AWS_MAX_BODY_BYTES.cloudtrail)] }), JSON11);
    expect(res.status).toBe(413);
    expect(res.headers.get("x-amzn-errortype")).toBe("RequestEntityTooLargeException");
    expect(await res.json()).toMatchObject({ __type: "RequestEntityTooLargeException" });
  });

  it.each([
    ["iam", "https://iam.amazonaws.com/doc/2010-05-08/"],
    ["sts", "https://sts.amazonaws.com/doc/2011-06-15/"],
  ])("%s answers 413 in Query XML with its namespace", async (service, namespace) => {
    const body = `Action=GetCallerIdentity&Version=2011-06-15&Pad=${"p".repeat(LOCAL_AWS_MAX_BODY_BYTES[service as "iam" | "sts"])}`;
    const res = await post(service, body, FORM);
    expect(res.status).toBe(413);
    const xml = await res.text();
    expect(xml).toContain("<Code>RequestEntityTooLarge</Code>");
    expect(xml).toContain(`xmlns="${namespace}"`);
  });

  it.each([
    ["iam", "Action=ListRoles&Version=2010-05-08", FORM, /<Code>SignatureDoesNotMatch<\/Code>/],
    ["sts", "Action=GetCallerIdentity&Version=2011-06-15", FORM, /<Code>SignatureDoesNotMatch<\/Code>/],
    ["cloudtrail", "{}", JSON11, /"__type":"InvalidSignatureException"/],
  ])("%s refuses x-amz-content-sha256: UNSIGNED-PAYLOAD", async (service, body, headers, code) => {
    const res = await post(service, body, { ...headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toMatch(code);
    expect(text).toMatch(/UNSIGNED-PAYLOAD/);
  });

  it("IAM refuses a body swapped after signing with UNSIGNED-PAYLOAD (no role is created)", async () => {
    const signedBody = "Action=ListRoles&Version=2010-05-08";
    const url = new URL(`${f.server.origin}/local-aws/iam/`);
    const { Sha256 } = await import("@aws-crypto/sha256-js");
    const { SignatureV4 } = await import("@smithy/signature-v4");
    const signer = new SignatureV4({ service: "iam", region: "us-east-1", credentials: f.credentials, sha256: Sha256 });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, ...FORM, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      body: signedBody,
    });
    const swapped = `Action=CreateRole&Version=2010-05-08&RoleName=smuggled&AssumeRolePolicyDocument=${encodeURIComponent(TRUST)}`;
    const res = await fetch(url, { method: "POST", headers: signed.headers as Record<string, string>, body: swapped });
    expect(res.status).toBe(403);
    const { GetRoleCommand } = await import("@aws-sdk/client-iam");
    expect((await rejection(f.iam.send(new GetRoleCommand({ RoleName: "smuggled" })))).name).toBe("NoSuchEntityException");
  });
});
