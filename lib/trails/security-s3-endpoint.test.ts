// SSRF through a trail's S3 endpoint (issue 11, item 6): the endpoint rule at registration, again
// when a generation resolves the trail, and at every connection the S3 client makes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { JobFailure } from "@/lib/jobs/job-errors";
import { createS3Client } from "@/lib/logs/s3-client";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { registerTrail } from "./register-trail";
import { resolveTrailLogSource } from "./resolve-trail-log-source";
import { addressRefusal, checkS3Endpoint } from "./validate-s3-endpoint";

const saved = { ...process.env };
function allowPrivate(on: boolean) {
  process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS = on ? "1" : "0";
  resetEnvCache();
}
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb({ kind: "pglite" });
});
afterAll(async () => db?.close());

const ARN = "arn:aws:cloudtrail:us-east-1:111122223333:trail/ssrf";

describe("addressRefusal", () => {
  it.each<[string, "always" | "private" | "public"]>([
    ["169.254.169.254", "always"],
    ["169.254.170.2", "always"],
    ["169.254.1.1", "always"],
    ["fd00:ec2::254", "always"],
    ["fe80::1", "always"],
    ["::ffff:169.254.169.254", "always"],
    ["::ffff:a9fe:a9fe", "always"],
    ["224.0.0.1", "always"],
    ["255.255.255.255", "always"],
    ["127.0.0.1", "private"],
    ["127.10.0.1", "private"],
    ["0.0.0.0", "private"],
    ["::1", "private"],
    ["::", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["52.216.0.1", "public"],
    ["172.32.0.1", "public"],
    ["2600:1f18::1", "public"],
  ])("%s: %s", (ip, expected) => {
    expect(addressRefusal(ip, false) !== undefined).toBe(expected !== "public");
    expect(addressRefusal(ip, true) !== undefined).toBe(expected === "always");
  });
});

async function registrationError(endpoint: string): Promise<string> {
  const error = await registerTrail({ arn: ARN, source: { kind: "s3", bucket: "trail-bucket", endpoint }, db: db.prisma }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal of ${endpoint}, got ${String(error)}`);
  expect(error).toMatchObject({ code: "VALIDATION", field: "endpoint" });
  return error.userMessage;
}

describe("registering a trail's S3 endpoint", () => {
  it.each([
    ["the metadata address", "http://169.254.169.254/latest/meta-data/", /cloud metadata address, which Leastwise never connects to/],
    ["the metadata address in decimal", "http://2852039166/", /169\.254\.169\.254 is a cloud metadata address/],
    ["the metadata address in hex", "http://0xa9.0xfe.0xa9.0xfe/", /169\.254\.169\.254 is a cloud metadata address/],
    ["the IPv6 metadata address", "http://[fd00:ec2::254]/", /cloud metadata address/],
    ["an IPv4-mapped metadata address", "http://[::ffff:169.254.169.254]/", /cloud metadata address/],
    ["a link-local address", "http://169.254.10.10:9000", /link-local/],
    ["loopback", "http://127.0.0.1:9000", /loopback address; an administrator can allow .* LEASTWISE_ALLOW_PRIVATE_ENDPOINTS=1/],
    ["a name resolving to loopback", "http://localhost:9000", /localhost resolves to .* loopback address/],
    ["a private network", "https://10.0.0.5", /private-network address/],
    ["file://", "file:///etc/passwd", /not an http\(s\) URL/],
    ["ftp://", "ftp://s3.example.com", /not an http\(s\) URL/],
    ["not a URL", "s3.example.com", /not an http\(s\) URL/],
    ["credentials in the URL", "https://user:secret@s3.amazonaws.com", /must not carry credentials/],
  ])("refuses %s", async (_, endpoint, message) => {
    allowPrivate(false);
    expect(await registrationError(endpoint)).toMatch(message);
  });

  it("allows loopback and private endpoints only with LEASTWISE_ALLOW_PRIVATE_ENDPOINTS=1, never metadata", async () => {
    allowPrivate(true);
    await expect(
      registerTrail({ arn: ARN, source: { kind: "s3", bucket: "trail-bucket", endpoint: "http://127.0.0.1:9000" }, db: db.prisma }),
    ).resolves.toMatchObject({ arn: ARN });
    await expect(
      registerTrail({ arn: ARN, source: { kind: "s3", bucket: "trail-bucket", endpoint: "http://10.0.0.5" }, db: db.prisma }),
    ).resolves.toMatchObject({ arn: ARN });
    expect(await registrationError("http://169.254.169.254/")).toMatch(/metadata/);
    expect(await registrationError("http://[fe80::1]:9000/")).toMatch(/link-local/);
  });

  it("checks every address a name resolves to", async () => {
    const resolve = async () => ["52.216.0.1", "169.254.169.254"];
    await expect(checkS3Endpoint("https://two-faced.example", { allowPrivate: true, resolve })).rejects.toThrow(
      /two-faced\.example resolves to 169\.254\.169\.254/,
    );
    await expect(
      checkS3Endpoint("https://nowhere.invalid", { resolve: async () => Promise.reject(new Error("ENOTFOUND")) }),
    ).rejects.toThrow(/does not resolve/);
  });
});

describe("using a registered trail's S3 endpoint", () => {
  it("refuses at resolution an endpoint that is no longer allowed (registered when private ranges were allowed)", async () => {
    allowPrivate(true);
    await registerTrail({ arn: ARN, source: { kind: "s3", bucket: "trail-bucket", endpoint: "http://localhost:9000" }, db: db.prisma });
    allowPrivate(false);
    const error = await resolveTrailLogSource({ trailArn: ARN, accessRole: null, db: db.prisma }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobFailure);
    expect(error).toMatchObject({ code: "AUTHORIZATION_ERROR" });
    expect((error as Error).message).toMatch(/localhost resolves to .* loopback address/);
  });

  it("refuses at resolution a metadata endpoint written to the registry directly", async () => {
    await db.prisma.trail.upsert({
      where: { arn: ARN },
      create: {
        arn: ARN,
        name: "ssrf",
        homeRegion: "us-east-1",
        accountId: "111122223333",
        sourceKind: "S3",
        bucket: "b",
        endpoint: "http://169.254.169.254",
      },
      update: { sourceKind: "S3", bucket: "b", endpoint: "http://169.254.169.254", localDir: null },
    });
    allowPrivate(true);
    await expect(resolveTrailLogSource({ trailArn: ARN, accessRole: null, db: db.prisma })).rejects.toThrow(/cloud metadata address/);
  });

  describe("at connection time", () => {
    let server: Server;
    let port = 0;
    let connections = 0;
    beforeAll(async () => {
      server = createServer((_req, res) => res.writeHead(404).end());
      server.on("connection", () => connections++);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    const list = (endpoint: string) => {
      const client = createS3Client({
        kind: "s3",
        bucket: "b",
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
      });
      return client
        .send(new ListObjectsV2Command({ Bucket: "b" }))
        .then(
          () => "answered",
          (e: Error) => e.message,
        )
        .finally(() => client.destroy());
    };

    it("the S3 client refuses to connect when the name resolves to a forbidden address", async () => {
      allowPrivate(false);
      const before = connections;
      expect(await list(`http://localhost:${port}`)).toMatch(/The S3 endpoint host localhost resolves to .* loopback address/);
      expect(connections).toBe(before);
    });

    it("the S3 client refuses an IP address endpoint the rule forbids (no DNS lookup happens for those)", async () => {
      allowPrivate(false);
      const before = connections;
      expect(() => createS3Client({ kind: "s3", bucket: "b", endpoint: `http://127.0.0.1:${port}` })).toThrow(
        /127\.0\.0\.1 is a loopback address/,
      );
      allowPrivate(true);
      expect(() => createS3Client({ kind: "s3", bucket: "b", endpoint: "http://[fd00:ec2::254]/" })).toThrow(/cloud metadata address/);
      expect(connections).toBe(before);
    });

    it("and connects when the administrator allows private endpoints", async () => {
      allowPrivate(true);
      const before = connections;
      expect(await list(`http://localhost:${port}`)).not.toMatch(/resolves to/);
      expect(connections).toBeGreaterThan(before);
    });
  });
});
