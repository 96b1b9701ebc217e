import { Sha256 } from "@aws-crypto/sha256-js";
import { S3Client } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startFastS3, type FastS3 } from "@/lib/testing/fast-s3";
import { S3HttpError, S3ObjectReader, encodeKey, objectUrlFor, s3AccessOf, signGet } from "./s3-object-reader";

describe("signGet", () => {
  it.each([
    {
      name: "a CloudTrail key",
      path: "/trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/28/111122223333_CloudTrail_us-east-1_20260228T1000Z_abc.json.gz",
      token: undefined,
    },
    { name: "a session token", path: "/b/k.json.gz", token: "FQoGZXIvYXdzE+token/with=chars" },
    { name: "escaped characters", path: `/b/${encodeKey("dir with space/it's (1)*!+=.json.gz")}`, token: undefined },
  ])("signs as the AWS SDK's SigV4 signer does ($name)", async ({ path, token }) => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token };
    const now = new Date("2026-11-01T12:34:56.789Z");
    const ours = signGet({ host: "s3.eu-west-1.amazonaws.com", path, region: "eu-west-1", credentials, now });
    const signer = new SignatureV4({
      service: "s3",
      region: "eu-west-1",
      credentials,
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: true,
    });
    const sdk = await signer.sign(
      {
        method: "GET",
        protocol: "https:",
        hostname: "s3.eu-west-1.amazonaws.com",
        path,
        headers: { host: "s3.eu-west-1.amazonaws.com", "x-amz-content-sha256": ours["x-amz-content-sha256"] as string },
        query: {},
      },
      { signingDate: now },
    );
    expect(ours.authorization).toBe(sdk.headers.authorization);
    expect(ours["x-amz-date"]).toBe(sdk.headers["x-amz-date"]);
    if (token) expect(ours["x-amz-security-token"]).toBe(token);
  });
});

describe("the bucket's URL", () => {
  it.each([
    {
      region: "us-east-1",
      bucket: "my-trail",
      endpoint: undefined,
      want: { protocol: "https:", hostname: "my-trail.s3.us-east-1.amazonaws.com", pathPrefix: "" },
    },
    {
      region: "cn-north-1",
      bucket: "my-trail",
      endpoint: undefined,
      want: { protocol: "https:", hostname: "my-trail.s3.cn-north-1.amazonaws.com.cn", pathPrefix: "" },
    },
    {
      region: "eu-west-1",
      bucket: "my.dotted.trail",
      endpoint: undefined,
      want: { protocol: "https:", hostname: "s3.eu-west-1.amazonaws.com", pathPrefix: "/my.dotted.trail" },
    },
    {
      region: "us-east-1",
      bucket: "bkt",
      endpoint: "http://127.0.0.1:9000/base",
      want: { protocol: "http:", hostname: "127.0.0.1", port: 9000, pathPrefix: "/base/bkt" },
    },
  ])("is the SDK's for $bucket in $region ($endpoint)", async ({ region, bucket, endpoint, want }) => {
    const client = new S3Client({
      region,
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    });
    try {
      const sdk = await s3AccessOf(client, bucket).objectUrl!();
      expect(sdk).toEqual(expect.objectContaining(want));
      // the derivation used without the SDK agrees with it
      expect(objectUrlFor({ kind: "s3", bucket, endpoint, region }, region)).toEqual(expect.objectContaining(want));
    } finally {
      client.destroy();
    }
  });
});

describe("S3ObjectReader", () => {
  let s3: FastS3;
  beforeAll(async () => {
    s3 = await startFastS3({ buckets: ["bkt"], record: true, verify: { accessKeyId: "*", secretAccessKey: "s" } });
    s3.put("bkt", "AWSLogs/x/one.json.gz", Buffer.from([1, 2, 3, 0, 255]));
    s3.put("bkt", "AWSLogs/x/big.json.gz", Buffer.alloc(3 << 20, 7));
  });
  afterAll(() => s3?.stop());

  it("reads objects byte for byte, signing with the client's own credential provider each time", async () => {
    let calls = 0;
    // a provider whose keys are always about to expire, as an assumed role's near its end: the
    // SDK's memoizing wrapper asks it again for every request, and so must the reader
    const client = new S3Client({
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: async () => ({ accessKeyId: `KEY${++calls}`, secretAccessKey: "s", expiration: new Date(Date.now() + 1000) }),
    });
    const reader = new S3ObjectReader(s3AccessOf(client), { kind: "s3", bucket: "bkt", endpoint: s3.endpoint }, 4);
    try {
      s3.resetCounters();
      expect([...(await reader.get("AWSLogs/x/one.json.gz"))]).toEqual([1, 2, 3, 0, 255]);
      expect((await reader.get("AWSLogs/x/big.json.gz")).equals(Buffer.alloc(3 << 20, 7))).toBe(true);
      expect(s3.requests.map((r) => r.path)).toEqual(["/bkt/AWSLogs/x/one.json.gz", "/bkt/AWSLogs/x/big.json.gz"]);
      const used = s3.requests.map((r) => /Credential=(KEY\d+)\//.exec(r.authorization ?? "")?.[1]);
      expect(used.every((k) => k !== undefined)).toBe(true);
      expect(new Set(used).size).toBe(2);
    } finally {
      reader.destroy();
      client.destroy();
    }
  });

  it("connects to a custom endpoint's host name only where the endpoint rule allows (issue 11: SSRF)", async () => {
    // localhost resolves to loopback: refused unless an administrator allows private endpoints
    const endpoint = s3.endpoint.replace("127.0.0.1", "localhost");
    const before = process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS;
    const read = async () => {
      const client = new S3Client({
        region: "us-east-1",
        endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: "k", secretAccessKey: "s" },
      });
      const reader = new S3ObjectReader(s3AccessOf(client), { kind: "s3", bucket: "bkt", endpoint }, 4);
      try {
        return await reader.get("AWSLogs/x/one.json.gz");
      } finally {
        reader.destroy();
        client.destroy();
      }
    };
    try {
      process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS = "0";
      resetEnvCache();
      await expect(read()).rejects.toMatchObject({ code: "ELEASTWISEFORBIDDENADDRESS" });
      process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS = "1";
      resetEnvCache();
      expect([...(await read())]).toEqual([1, 2, 3, 0, 255]);
    } finally {
      if (before === undefined) delete process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS;
      else process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS = before;
      resetEnvCache();
    }
  });

  it("fails a missing key with the SDK's error shape (NoSuchKey, 404)", async () => {
    const client = new S3Client({
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "k", secretAccessKey: "s" },
    });
    const reader = new S3ObjectReader(s3AccessOf(client), { kind: "s3", bucket: "bkt", endpoint: s3.endpoint }, 4);
    try {
      const e = await reader.get("AWSLogs/x/missing.json.gz").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(S3HttpError);
      expect(e).toMatchObject({ name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
    } finally {
      reader.destroy();
      client.destroy();
    }
  });
});
