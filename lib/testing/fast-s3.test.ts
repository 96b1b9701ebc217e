import { GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastS3, type FastS3 } from "./fast-s3";

let s3: FastS3;
let client: S3Client;
const KEYS = ["a/1.txt", "a/2.txt", "a/b/3.txt", "a/b/4.txt", "a/c/5.txt", "a/d.txt", "z.txt"];

beforeAll(async () => {
  s3 = await startFastS3({ buckets: ["bkt"], record: true, verify: { accessKeyId: "k", secretAccessKey: "s" } });
  for (const k of KEYS) s3.put("bkt", k, Buffer.from(`body of ${k}`));
  client = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "k", secretAccessKey: "s" },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

/** every page of a listing through the SDK */
async function listAll(o: { Prefix?: string; Delimiter?: string; MaxKeys?: number; StartAfter?: string }) {
  const keys: string[] = [];
  const prefixes: string[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: "bkt", ...o, ContinuationToken: token }));
    pages++;
    keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    prefixes.push(...(page.CommonPrefixes ?? []).map((c) => c.Prefix!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return { keys, prefixes, pages };
}

describe("the fast S3 test server", () => {
  it.each([
    { name: "everything", o: {}, keys: KEYS, prefixes: [] },
    { name: "a prefix", o: { Prefix: "a/b/" }, keys: ["a/b/3.txt", "a/b/4.txt"], prefixes: [] },
    { name: "a delimiter", o: { Prefix: "a/", Delimiter: "/" }, keys: ["a/1.txt", "a/2.txt", "a/d.txt"], prefixes: ["a/b/", "a/c/"] },
    {
      name: "a delimiter, 2 per page",
      o: { Prefix: "a/", Delimiter: "/", MaxKeys: 2 },
      keys: ["a/1.txt", "a/2.txt", "a/d.txt"],
      prefixes: ["a/b/", "a/c/"],
      pages: 3,
    },
    { name: "1 per page", o: { MaxKeys: 1 }, keys: KEYS, prefixes: [], pages: 7 },
    { name: "start-after", o: { StartAfter: "a/b/3.txt" }, keys: ["a/b/4.txt", "a/c/5.txt", "a/d.txt", "z.txt"], prefixes: [] },
    { name: "no match", o: { Prefix: "nothing/" }, keys: [], prefixes: [] },
  ])("lists with $name (ListObjectsV2, continuation)", async ({ o, keys, prefixes, pages }) => {
    const r = await listAll(o);
    expect(r.keys).toEqual(keys);
    expect(r.prefixes.sort()).toEqual(prefixes);
    if (pages) expect(r.pages).toBe(pages);
  });

  it("answers GetObject and HeadBucket, and NoSuchKey / NoSuchBucket like S3", async () => {
    const got = await client.send(new GetObjectCommand({ Bucket: "bkt", Key: "a/b/3.txt" }));
    expect(await got.Body!.transformToString()).toBe("body of a/b/3.txt");
    await client.send(new HeadBucketCommand({ Bucket: "bkt" }));
    await expect(client.send(new GetObjectCommand({ Bucket: "bkt", Key: "missing" }))).rejects.toMatchObject({ name: "NoSuchKey" });
    await expect(client.send(new HeadBucketCommand({ Bucket: "nope" }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it("refuses unsigned requests and wrong signatures", async () => {
    const res = await fetch(`${s3.endpoint}/bkt/z.txt`);
    expect(res.status).toBe(403);
    const wrong = new S3Client({
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "k", secretAccessKey: "not-s" },
      maxAttempts: 1,
    });
    try {
      await expect(wrong.send(new GetObjectCommand({ Bucket: "bkt", Key: "z.txt" }))).rejects.toMatchObject({
        name: "SignatureDoesNotMatch",
      });
      await expect(wrong.send(new ListObjectsV2Command({ Bucket: "bkt", Prefix: "a/" }))).rejects.toMatchObject({
        name: "SignatureDoesNotMatch",
      });
    } finally {
      wrong.destroy();
    }
  });

  it("waits the configured latency before each answer, without a limit on requests in flight", async () => {
    s3.setLatency(50);
    s3.resetCounters();
    try {
      const t = performance.now();
      await Promise.all(
        KEYS.map((k) => client.send(new GetObjectCommand({ Bucket: "bkt", Key: k })).then((r) => r.Body!.transformToString())),
      );
      const ms = performance.now() - t;
      expect(ms).toBeGreaterThanOrEqual(49);
      expect(ms).toBeLessThan(1000);
      expect(s3.maxInFlight).toBeGreaterThan(1);
    } finally {
      s3.setLatency(0);
    }
  });
});
