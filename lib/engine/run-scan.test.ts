import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/corpus/generate-corpus";
import type { ScanRequest, ScanStats } from "@/lib/core/types";
import { listLogFiles } from "@/lib/logs/list-log-files";
import { LocalLogStore } from "@/lib/logs/local-log-store";
import { scanError } from "@/lib/testing/scan-error";
import { runScan } from "./run-scan";
import { resolveTsxWorkerEntry, resolveWorkerEntry } from "./scan-pool";
import { T_ROLE, gz, roleRecord, writeDayObject } from "./testing-trail";

const END = new Date("2026-03-01T00:00:00Z");
const START = new Date("2026-02-25T00:00:00Z");
let clean: string;
let bad: string;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "lw-scan-"));
  clean = path.join(root, "clean");
  bad = path.join(root, "bad");
  await generateCorpus({
    outDir: clean,
    days: 4,
    seed: 7,
    endDate: END,
    sizeMb: 2,
    filesPerDay: 6,
    accounts: ["111122223333"],
    regions: ["us-east-1", "eu-west-1", "ap-south-1"],
  });
  await cp(clean, bad, { recursive: true });
  const day = "2026-02-28";
  const valid = JSON.stringify({ Records: [roleRecord()] });
  await writeDayObject(
    bad,
    "us-east-1",
    day,
    "111122223333_CloudTrail_us-east-1_20260228T1200Z_corrupt01.json.gz",
    Buffer.from("this is not gzip at all"),
  );
  await writeDayObject(
    bad,
    "us-east-1",
    day,
    "111122223333_CloudTrail_us-east-1_20260228T1200Z_truncgz01.json.gz",
    gz(valid).subarray(0, 40),
  );
  await writeDayObject(
    bad,
    "us-east-1",
    day,
    "111122223333_CloudTrail_us-east-1_20260228T1200Z_truncjs01.json.gz",
    gz(valid.slice(0, valid.length - 25)),
  );
  await writeDayObject(
    bad,
    "us-east-1",
    day,
    "111122223333_CloudTrail_us-east-1_20260228T1200Z_notct001.json.gz",
    gz('{"hello":"world","items":[1,2]}'),
  );
  await writeDayObject(bad, "us-east-1", day, "111122223333_CloudTrail_us-east-1_20260228T1200Z_empty0001.json.gz", Buffer.alloc(0));
  await writeDayObject(bad, "us-east-1", day, "111122223333_CloudTrail_us-east-1_20260228T1200Z_emptygz01.json.gz", gz(""));
  await writeDayObject(bad, "us-east-1", day, "notes.txt", "copied by hand");
  await writeDayObject(bad, "us-east-1", day, "extra/111122223333_CloudTrail_us-east-1_20260228T1200Z_nested001.json.gz", gz(valid));
  // Two records of the principal without a time or a name, one usable: the file is kept.
  const partial = {
    Records: [
      roleRecord({ eventTime: undefined, eventID: "no-time" }),
      roleRecord({ eventName: 42, eventID: "bad-name" }),
      roleRecord({ eventID: "good-one", eventName: "GetQueueUrl" }),
    ],
  };
  await writeDayObject(
    bad,
    "us-east-1",
    day,
    "111122223333_CloudTrail_us-east-1_20260228T1200Z_partial01.json.gz",
    gz(JSON.stringify(partial)),
  );
});
afterAll(() => rm(path.dirname(clean), { recursive: true, force: true }));

const req = (dir: string, over: Partial<ScanRequest> = {}): ScanRequest => ({
  principalArn: T_ROLE,
  window: { start: START, end: END },
  source: { kind: "local", dir },
  regions: "all",
  ...over,
});

describe("runScan on a local trail", () => {
  it("skips every kind of bad file with a warning that names it, and loses nothing else", async () => {
    const base = await runScan({ request: req(clean) });
    for (const fastPath of [true, false]) {
      const r = await runScan({ request: req(bad), fastPath });
      const byName = (part: string) => r.warnings.find((w) => w.file.includes(part));
      expect(byName("corrupt01")?.code).toBe("CORRUPT_GZIP");
      expect(byName("truncgz01")?.code).toBe("CORRUPT_GZIP");
      expect(byName("truncgz01")?.message).toMatch(/truncated/);
      expect(byName("truncjs01")?.code).toBe("TRUNCATED_JSON");
      expect(byName("notct001")?.code).toBe("NOT_CLOUDTRAIL");
      expect(byName("empty0001")?.code).toBe("EMPTY_FILE");
      expect(byName("emptygz01")?.code).toBe("EMPTY_FILE");
      expect(byName("notes.txt")?.code).toBe("UNEXPECTED_LAYOUT");
      expect(byName("/extra/")?.code).toBe("UNEXPECTED_LAYOUT");
      const partial = byName("partial01");
      expect(partial?.code).toBe("BAD_RECORD");
      expect(partial?.message).toMatch(/^2 record/);
      for (const w of r.warnings) expect(path.isAbsolute(w.file) || w.file.startsWith(bad)).toBe(true);
      expect(r.stats.filesSkipped).toBe(8);
      expect(r.stats.filesListed).toBe(base.stats.filesListed + 9);
      // The good files give exactly what they gave alone, plus the one usable record.
      expect(r.stats.eventsMatched).toBe(base.stats.eventsMatched + 1);
      expect(r.usage.actions["sqs:GetQueueUrl"]?.sampleEventIds).toEqual(["good-one"]);
      expect(r.warnings.some((w) => w.file.includes("CloudTrail-Digest"))).toBe(false);
    }
  });

  it("runs the same with the tsx worker entry (the fallback when esbuild is unavailable)", async () => {
    const bundled = await runScan({ request: req(clean) });
    const viaTsx = await runScan({ request: req(clean), workerEntry: resolveTsxWorkerEntry() });
    expect(viaTsx.usage.actions).toEqual(bundled.usage.actions);
    expect(viaTsx.stats).toEqual(bundled.stats);
    expect(await resolveWorkerEntry()).toMatch(/node_modules\/\.cache\/leastwise\/scan-worker-[0-9a-f]{16}\/scan-worker-main\.mjs$/);
  });

  it("reports progress up to the total", async () => {
    const seen: ScanStats[] = [];
    const r = await runScan({ request: req(clean), onProgress: (s) => seen.push(s) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].filesRead).toBeGreaterThanOrEqual(seen[i - 1].filesRead);
    const last = seen[seen.length - 1];
    expect(last).toEqual(r.stats);
    expect(last.filesRead).toBe(last.filesTotal);
    expect(last.bytesUncompressed).toBeGreaterThan(last.bytesCompressed);
    expect(last.eventsMatched).toBeGreaterThan(0);
  });

  it("stops within a second of an abort, before reading everything", async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    let last: ScanStats | undefined;
    const p = runScan({
      request: req(clean),
      signal: controller.signal,
      workers: 1,
      onProgress: (s) => {
        last = s;
        if (s.filesListed >= 1 && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    const e = await scanError(p);
    expect(e.code).toBe("ABORTED");
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect(last!.filesRead).toBeLessThan(last!.filesListed + 1);
  });

  it("fails with RESOURCE_NOT_FOUND for a missing directory", async () => {
    const e = await scanError(runScan({ request: req(path.join(clean, "nope")) }));
    expect(e.code).toBe("RESOURCE_NOT_FOUND");
    expect(e.message).toContain("nope");
  });

  it("warns when the directory has no AWSLogs folder", async () => {
    const r = await runScan({ request: req(path.join(clean, "AWSLogs")) });
    expect(r.stats.filesListed).toBe(0);
    expect(r.warnings[0].code).toBe("UNEXPECTED_LAYOUT");
    expect(r.warnings[0].message).toMatch(/no AWSLogs\/ folder.*found 111122223333/);
  });

  const invalid: [string, Partial<ScanRequest>, RegExp][] = [
    ["an invalid ARN", { principalArn: "arn:aws:iam::123:role/x" }, /account/i],
    ["a session ARN", { principalArn: "arn:aws:sts::111122223333:assumed-role/TargetRole/s" }, /role's ARN/],
    ["an end before the start", { window: { start: END, end: START } }, /before the start/],
    ["a window over 90 days", { window: { start: new Date("2025-11-01T00:00:00Z"), end: END } }, /maximum is 90 days/],
    ["a bad region", { regions: ["eu-west"] }, /region/],
    ["a bad account", { accounts: ["12345"] }, /12-digit/],
  ];
  for (const [name, over, message] of invalid) {
    it(`rejects ${name} before any work`, async () => {
      // The directory does not exist: a request that were read would fail with RESOURCE_NOT_FOUND.
      const e = await scanError(runScan({ request: req("/nonexistent/leastwise", over) }));
      expect(e.code).toBe("INVALID_REQUEST");
      expect(e.message).toMatch(message);
    });
  }
});

describe("listing prunes to account x region x day", () => {
  it("lists only the window's day folders of the asked regions (plus us-east-1)", async () => {
    const store = new LocalLogStore(clean);
    const keys: string[] = [];
    const window = { start: new Date("2026-02-27T00:00:00Z"), end: new Date("2026-02-27T23:59:59Z") };
    await listLogFiles({
      store,
      accounts: ["111122223333"],
      regions: ["eu-west-1"],
      window,
      onFile: (f) => keys.push(f.key),
      onSkippedFile: () => {},
      onWarning: () => {},
    });
    // 2 regions x 3 day folders (the day, and the neighbours for the delivery margin), no more.
    expect(store.listCalls).toBe(6);
    expect(new Set(keys.map((k) => k.split("/")[3]))).toEqual(new Set(["eu-west-1", "us-east-1"]));
    for (const k of keys) expect(k).toMatch(/\/2026\/02\/(26|27|28)\//);
    // Files named more than an hour outside the window are not read.
    const times = keys.map((k) => /_(\d{8}T\d{4})Z_/.exec(k)![1]);
    for (const t of times) expect(t >= "20260226T2300" && t <= "20260228T0100").toBe(true);
  });

  it("with all regions, one listing of the account folder finds the regions", async () => {
    const store = new LocalLogStore(clean);
    const window = { start: new Date("2026-02-27T00:00:00Z"), end: new Date("2026-02-27T23:59:59Z") };
    await listLogFiles({
      store,
      accounts: ["111122223333"],
      regions: "all",
      window,
      onFile: () => {},
      onSkippedFile: () => {},
      onWarning: () => {},
    });
    expect(store.listCalls).toBe(1 + 3 * 3);
  });
});
