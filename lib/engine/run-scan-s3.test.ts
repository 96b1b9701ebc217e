import { PutObjectCommand } from "@aws-sdk/client-s3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/corpus/generate-corpus";
import { resetEnvCache } from "@/lib/env";
import type { ScanRequest } from "@/lib/core/types";
import { startFastS3 } from "@/lib/testing/fast-s3";
import { startFaultProxy, type FaultProxy } from "@/lib/testing/s3-fault-proxy";
import { S3RVER_CREDENTIALS, startS3rver, uploadDirectory, type S3rverHandle } from "@/lib/testing/s3rver";
import { scanError } from "@/lib/testing/scan-error";
import { runScan } from "./run-scan";
import { T_ROLE } from "./testing-trail";

const END = new Date("2026-03-01T00:00:00Z");
const START = new Date("2026-02-26T00:00:00Z");
let dir: string;
let s3: S3rverHandle;
let proxy: FaultProxy;

beforeAll(async () => {
  // s3rver listens on 127.0.0.1: a private endpoint, which the administrator must allow.
  process.env.LEASTWISE_ALLOW_PRIVATE_ENDPOINTS = "1";
  resetEnvCache();
  dir = await mkdtemp(path.join(tmpdir(), "lw-s3-"));
  await generateCorpus({
    outDir: dir,
    days: 3,
    seed: 11,
    endDate: END,
    sizeMb: 1,
    filesPerDay: 4,
    accounts: ["111122223333"],
    regions: ["us-east-1", "eu-west-1", "ap-south-1"],
  });
  s3 = await startS3rver({ buckets: ["trail-bucket"] });
  await uploadDirectory({ client: s3.client, bucket: "trail-bucket", dir, prefix: "org/trails" });
  await s3.client.send(
    new PutObjectCommand({
      Bucket: "trail-bucket",
      Key: "org/trails/AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/28/111122223333_CloudTrail_us-east-1_20260228T1000Z_corrupt0001.json.gz",
      Body: Buffer.from("not gzip"),
    }),
  );
  proxy = await startFaultProxy(s3.endpoint);
});
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

const s3req = (over: Partial<ScanRequest> = {}, endpoint = proxy.endpoint, bucket = "trail-bucket"): ScanRequest => ({
  principalArn: T_ROLE,
  window: { start: START, end: END },
  source: { kind: "s3", bucket, prefix: "org/trails", endpoint, credentials: S3RVER_CREDENTIALS },
  regions: "all",
  ...over,
});

describe("runScan on s3rver", () => {
  it("reads the bucket like the local copy, and names a bad object by its s3:// URL", async () => {
    proxy.setMode({ kind: "none" });
    const remote = await runScan({ request: s3req() });
    const local = await runScan({ request: { ...s3req(), source: { kind: "local", dir } } });
    expect(remote.usage.actions).toEqual(local.usage.actions);
    expect(remote.stats.eventsRead).toBe(local.stats.eventsRead);
    expect(remote.stats.filesRead).toBe(local.stats.filesRead + 1);
    expect(remote.warnings).toEqual([
      expect.objectContaining({
        code: "CORRUPT_GZIP",
        file: "s3://trail-bucket/org/trails/AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/28/111122223333_CloudTrail_us-east-1_20260228T1000Z_corrupt0001.json.gz",
      }),
    ]);
  });

  it("lists only the prefixes of the asked regions and days", async () => {
    proxy.setMode({ kind: "none" });
    proxy.requests.length = 0;
    const window = { start: new Date("2026-02-27T00:00:00Z"), end: new Date("2026-02-27T23:59:59Z") };
    const r = await runScan({ request: s3req({ window, regions: ["eu-west-1"] }) });
    const lists = proxy.requests
      .filter((q) => q.method === "GET" && q.path.includes("list-type=2"))
      .map((q) => new URL(q.path, "http://x").searchParams.get("prefix"));
    expect(lists.sort()).toEqual(
      ["eu-west-1", "us-east-1"]
        .flatMap((reg) => ["26", "27", "28"].map((d) => `org/trails/AWSLogs/111122223333/CloudTrail/${reg}/2026/02/${d}/`))
        .sort(),
    );
    const gets = proxy.requests.filter((q) => q.method === "GET" && q.path.includes(".json.gz"));
    expect(gets.length).toBe(r.stats.filesRead);
    expect(gets.every((q) => /\/(eu-west-1|us-east-1)\//.test(q.path))).toBe(true);
  });

  it("retries throttling (503 SlowDown) and gets the same result", async () => {
    proxy.setMode({ kind: "none" });
    const clean = await runScan({ request: s3req({ regions: ["eu-west-1"] }) });
    proxy.setMode({ kind: "slowdown", times: 1 });
    proxy.requests.length = 0;
    const throttled = await runScan({ request: s3req({ regions: ["eu-west-1"] }) });
    expect(throttled.usage.actions).toEqual(clean.usage.actions);
    expect(throttled.stats).toEqual(clean.stats);
    // every request was answered 503 once before it went through
    const distinct = new Set(proxy.requests.map((q) => q.path)).size;
    expect(proxy.requests.length).toBeGreaterThanOrEqual(distinct * 2);
  });

  it("stops within a second of an abort while objects are being read", async () => {
    proxy.setMode({ kind: "delay", ms: 300 });
    const controller = new AbortController();
    let abortedAt = 0;
    const p = runScan({
      request: s3req(),
      signal: controller.signal,
      onProgress: (s) => {
        if (s.filesRead >= 1 && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    const e = await scanError(p);
    expect(e.code).toBe("ABORTED");
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
  });

  it("fails with ACCESS_DENIED when listing is denied", async () => {
    proxy.setMode({ kind: "deny" });
    const e = await scanError(runScan({ request: s3req() }));
    expect(e.code).toBe("ACCESS_DENIED");
    expect(e.message).toContain("trail-bucket");
  });

  it("fails with ACCESS_DENIED when reading objects is denied", async () => {
    proxy.setMode({ kind: "deny", methods: ["GET"], match: /\.json\.gz/ });
    const e = await scanError(runScan({ request: s3req() }));
    expect(e.code).toBe("ACCESS_DENIED");
    expect(e.message).toMatch(/s3:\/\/trail-bucket\/org\/trails\/AWSLogs\/.*access denied/);
  });

  it("keeps as many reads in flight as asked, no more, all signed with the source's credentials", async () => {
    // the fast server checks every GET's signature with the SDK's signer (s3rver checks none)
    const fast = await startFastS3({
      buckets: ["trail-bucket"],
      latencyMs: 150,
      record: true,
      verify: { accessKeyId: "SCANKEY", secretAccessKey: "s" },
    });
    try {
      await fast.loadDirectory({ bucket: "trail-bucket", dir, prefix: "org/trails" });
      const request = {
        ...s3req({}, fast.endpoint),
        source: {
          kind: "s3" as const,
          bucket: "trail-bucket",
          prefix: "org/trails",
          endpoint: fast.endpoint,
          credentials: { accessKeyId: "SCANKEY", secretAccessKey: "s" },
        },
      };
      const local = await runScan({ request: { ...request, source: { kind: "local", dir } } });
      for (const [inFlight, workers] of [
        [4, 2],
        [48, 2],
      ]) {
        fast.resetCounters();
        const r = await runScan({ request, s3InFlight: inFlight, workers });
        expect(r.usage).toEqual(local.usage);
        const gets = fast.requests.filter((q) => q.path.endsWith(".json.gz"));
        expect(gets.length).toBe(r.stats.filesRead);
        expect(gets.every((q) => q.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=SCANKEY/"))).toBe(true);
        // object reads are bounded by inFlight, and reach it when there are enough files (~40 here)
        expect(fast.maxGetsInFlight).toBeLessThanOrEqual(inFlight);
        if (inFlight === 48) expect(fast.maxGetsInFlight).toBeGreaterThan(20);
        else expect(fast.maxGetsInFlight).toBe(inFlight);
      }
    } finally {
      await fast.stop();
    }
  });

  it("skips an object deleted between listing and reading (NoSuchKey on the fast reader's GET)", async () => {
    const fast = await startFastS3({ buckets: ["trail-bucket"] });
    try {
      await fast.loadDirectory({ bucket: "trail-bucket", dir, prefix: "org/trails" });
      const key =
        "org/trails/AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/28/111122223333_CloudTrail_us-east-1_20260228T1000Z_corrupt0001.json.gz";
      fast.put("trail-bucket", key, Buffer.from("x"));
      fast.vanish("trail-bucket", key);
      const request = {
        ...s3req({}, fast.endpoint),
        source: {
          kind: "s3" as const,
          bucket: "trail-bucket",
          prefix: "org/trails",
          endpoint: fast.endpoint,
          credentials: S3RVER_CREDENTIALS,
        },
      };
      const r = await runScan({ request });
      expect(r.warnings).toEqual([expect.objectContaining({ code: "READ_ERROR", file: `s3://trail-bucket/${key}` })]);
      expect(r.stats.filesSkipped).toBe(1);
    } finally {
      await fast.stop();
    }
  });

  it("fails with RESOURCE_NOT_FOUND for a missing bucket", async () => {
    proxy.setMode({ kind: "none" });
    const e = await scanError(runScan({ request: s3req({}, s3.endpoint, "no-such-bucket") }));
    expect(e.code).toBe("RESOURCE_NOT_FOUND");
    expect(e.message).toContain("s3://no-such-bucket");
  });
});
