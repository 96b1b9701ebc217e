import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TARGET_ROLE, generateCorpus, type CorpusManifest } from "./generate-corpus";
import { PROFILES } from "./profiles";
import { TEMPLATES } from "./templates";

let root: string;
let a: string;
let b: string;
let manifest: CorpusManifest;
const END = new Date("2026-03-01T00:00:00Z");

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  return out.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lw-corpus-"));
  a = path.join(root, "a");
  b = path.join(root, "b");
  manifest = await generateCorpus({ outDir: a, days: 2, seed: 99, endDate: END, sizeMb: 6, filesPerDay: 6, prefix: "trails/main" });
  await generateCorpus({ outDir: b, days: 2, seed: 99, endDate: END, sizeMb: 6, filesPerDay: 6, prefix: "trails/main" });
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function readRecords(dir: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  for (const f of (await walk(dir)).filter((x) => x.includes("/CloudTrail/"))) {
    records.push(
      ...(JSON.parse(gunzipSync(await readFile(path.join(dir, f))).toString()) as { Records: Record<string, unknown>[] }).Records,
    );
  }
  return records;
}

const targetsCalls = (records: Record<string, unknown>[], key: string) =>
  records.filter(
    (r) =>
      (r.userIdentity as { sessionContext?: { sessionIssuer?: { arn?: string } } }).sessionContext?.sessionIssuer?.arn ===
        DEFAULT_TARGET_ROLE && `${String(r.eventSource).replace(".amazonaws.com", "")}:${r.eventName}` === key,
  );

describe("generateCorpus", () => {
  it("is byte-identical for a seed and an end date", async () => {
    const files = await walk(a);
    expect(await walk(b)).toEqual(files);
    for (const f of files) {
      const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
      expect(createHash("sha256").update(x).digest("hex"), f).toBe(createHash("sha256").update(y).digest("hex"));
    }
  });

  it("writes the real layout, file names and digest files", async () => {
    const files = (await walk(a)).filter((f) => f.endsWith(".json.gz"));
    const logs = files.filter((f) => f.includes("/CloudTrail/"));
    const digests = files.filter((f) => f.includes("/CloudTrail-Digest/"));
    expect(logs.length).toBe(manifest.files);
    expect(digests.length).toBe(manifest.digestFiles);
    for (const f of logs) {
      expect(f).toMatch(
        /^trails\/main\/AWSLogs\/(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_CloudTrail_\2_\3\4\5T\d{4}Z_[0-9a-f]{16}\.json\.gz$/,
      );
    }
  });

  it("holds the mapping traps, global services in us-east-1 only, failures and data events", async () => {
    const records = await readRecords(a);
    expect(records.length).toBe(manifest.events);
    const names = new Set(records.map((r) => `${r.eventSource}:${r.eventName}`));
    for (const n of ["monitoring.amazonaws.com:PutMetricData", "s3.amazonaws.com:GetObject", "s3.amazonaws.com:HeadObject"]) {
      expect(names, n).toContain(n);
    }
    expect([...names].some((n) => n.startsWith("email.amazonaws.com:"))).toBe(true);
    expect([...names].some((n) => /^lambda\.amazonaws\.com:\w+20150331(v2)?$/.test(n))).toBe(true);
    const global = records.filter((r) =>
      ["iam.amazonaws.com", "cloudfront.amazonaws.com", "route53.amazonaws.com", "signin.amazonaws.com"].includes(r.eventSource as string),
    );
    expect(global.length).toBeGreaterThan(0);
    expect(
      global
        .filter((r) => r.awsRegion !== "us-east-1")
        .map((r) => `${r.eventName} ${r.awsRegion} ${JSON.stringify(r.userIdentity).slice(0, 80)}`),
    ).toEqual([]);
    expect(
      records.some((r) => r.errorCode === "AccessDenied" && /is not authorized to perform: \w+:\w+/.test(String(r.errorMessage))),
    ).toBe(true);
    expect(records.some((r) => r.eventCategory === "Data" && r.managementEvent === false)).toBe(true);
    expect(records.some((r) => (r.userIdentity as { type?: string }).type === "AWSService")).toBe(true);
    const sessions = new Set(
      records
        .map((r) => r.userIdentity as { type?: string; arn?: string; sessionContext?: { sessionIssuer?: { arn?: string } } })
        .filter((u) => u.sessionContext?.sessionIssuer?.arn === DEFAULT_TARGET_ROLE)
        .map((u) => u.arn),
    );
    expect(sessions.size).toBeGreaterThan(10);
  });

  it.each(Object.entries(PROFILES).filter(([, p]) => p.probes))(
    "profile %s: its probes are templates it never calls otherwise",
    (_name, profile) => {
      const own = new Set(profile.templates.map(([k]) => k));
      for (const k of profile.probes!) {
        expect(TEMPLATES[k], k).toBeDefined();
        expect(own.has(k), k).toBe(false);
      }
    },
  );

  it("writes denied probes only when asked, each of them refused", async () => {
    const probes = PROFILES.backend.probes!;
    const without = await readRecords(a);
    for (const k of probes) expect(targetsCalls(without, k), k).toEqual([]);
    const dir = path.join(root, "probes");
    await generateCorpus({
      outDir: dir,
      days: 2,
      seed: 99,
      endDate: END,
      sizeMb: 6,
      filesPerDay: 6,
      prefix: "trails/main",
      deniedProbes: 0.05,
    });
    const withProbes = await readRecords(dir);
    for (const k of probes) {
      const calls = targetsCalls(withProbes, k);
      expect(calls.length, k).toBeGreaterThan(0);
      expect(
        calls.filter((r) => r.errorCode !== "AccessDenied"),
        k,
      ).toEqual([]);
    }
  });
});
