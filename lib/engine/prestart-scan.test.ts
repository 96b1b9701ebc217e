import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/corpus/generate-corpus";
import type { ScanRequest } from "@/lib/core/types";
import { prestartCounts, prestartScan } from "./prestart-scan";
import { runScan } from "./run-scan";
import { T_ROLE } from "./testing-trail";

const END = new Date("2026-03-01T00:00:00Z");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lw-prestart-"));
  await generateCorpus({
    outDir: dir,
    days: 3,
    seed: 11,
    endDate: END,
    sizeMb: 1,
    filesPerDay: 4,
    accounts: ["111122223333"],
    regions: ["us-east-1", "eu-west-1"],
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const req = (principalArn = T_ROLE): ScanRequest => ({
  principalArn,
  window: { start: new Date(END.getTime() - 3 * 86_400_000), end: END },
  source: { kind: "local", dir },
  regions: "all",
});
const counts = () => ({ ...prestartCounts });

describe("prestartScan", () => {
  it("runScan takes the workers started for it and gives the same result as without them", async () => {
    const plain = await runScan({ request: req() });
    const before = counts();
    prestartScan({ request: req() });
    const pre = await runScan({ request: req() });
    expect(counts()).toEqual({ used: before.used + 1, discarded: before.discarded });
    expect(pre.usage).toEqual(plain.usage);
    expect(pre.stats).toEqual(plain.stats);
    expect(pre.stats.eventsMatched).toBeGreaterThan(0);
  });

  it("workers that warmed up while waiting (warm-up.ts) give the same result", async () => {
    const plain = await runScan({ request: req(), workers: 2 });
    prestartScan({ request: req(), workers: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the warm-up runs (80 ms budget) and ends
    const pre = await runScan({ request: req(), workers: 2 });
    expect(pre.usage).toEqual(plain.usage);
    expect(pre.stats).toEqual(plain.stats);
  });

  it("workers started for another scan are ended, not used", async () => {
    const other = "arn:aws:iam::111122223333:role/TargetRoleAdmin";
    const plain = await runScan({ request: req(other) });
    const before = counts();
    prestartScan({ request: req() });
    const r = await runScan({ request: req(other) });
    expect(counts()).toEqual({ used: before.used, discarded: before.discarded + 1 });
    expect(r.usage).toEqual(plain.usage);
  });

  it("an invalid request starts nothing; runScan still reports it", async () => {
    const before = counts();
    prestartScan({ request: req("not-an-arn") });
    await expect(runScan({ request: req("not-an-arn") })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await runScan({ request: req() });
    expect(counts()).toEqual(before);
  });

  it("a process that prestarts and never scans still exits (the workers are unref'd)", () => {
    const script = `import { prestartScan } from "./lib/engine/prestart-scan.ts";
prestartScan({ request: { principalArn: ${JSON.stringify(T_ROLE)}, window: { start: new Date(${END.getTime() - 86_400_000}), end: new Date(${END.getTime()}) }, source: { kind: "local", dir: ${JSON.stringify(dir)} }, regions: "all" } });
setTimeout(() => console.log("still here"), 1000);`;
    const started = Date.now();
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("still here\n");
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});
