import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusManifest } from "@/lib/corpus/generate-corpus";
import { runScan } from "./run-scan";

// The fast path must give exactly what a full JSON.parse of every record gives, on a corpus with
// the tricky records (escaped ARNs, the ARN in someone else's request parameters and nested `arn`
// fields, a role named like the target plus a suffix, unicode escapes) and pretty-printed files.
let dir: string;
let manifest: CorpusManifest;
const END = new Date("2026-03-01T00:00:00Z");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lw-equiv-"));
  manifest = await generateCorpus({ outDir: dir, days: 4, seed: 42, endDate: END, sizeMb: 4, prettyFiles: 6, filesPerDay: 12 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const PRINCIPALS = [
  "arn:aws:iam::111122223333:role/TargetRole",
  "arn:aws:iam::111122223333:role/TargetRoleAdmin",
  "arn:aws:iam::111122223333:role/service-role/deploy/ci-deployer",
  "arn:aws:iam::111122223333:user/alice",
];

describe("fast path equals full parse", () => {
  for (const principalArn of PRINCIPALS) {
    it(principalArn, async () => {
      const request = { principalArn, window: { start: new Date(END.getTime() - 4 * 86_400_000), end: END }, source: { kind: "local" as const, dir }, regions: "all" as const };
      const fast = await runScan({ request, fastPath: true, workers: 1 });
      const full = await runScan({ request, fastPath: false, workers: 1 });
      expect(fast.usage).toEqual(full.usage);
      expect(fast.stats).toEqual(full.stats);
      expect(fast.warnings).toEqual(full.warnings);
      expect(fast.stats.eventsRead).toBe(manifest.eventsByAccount["111122223333"]);
      // Every own call of the principal is found (the tricky ones included).
      expect(fast.usage.eventsMatched).toBe(manifest.eventsByPrincipal[principalArn]);
      expect(fast.usage.eventsMatched).toBeGreaterThan(0);
    });
  }

  it("gives the same usage with several workers", async () => {
    const request = { principalArn: PRINCIPALS[0], window: { start: new Date(END.getTime() - 4 * 86_400_000), end: END }, source: { kind: "local" as const, dir }, regions: "all" as const };
    const one = await runScan({ request, workers: 1 });
    const many = await runScan({ request, workers: 3 });
    expect(many.stats).toEqual(one.stats);
    expect(Object.keys(many.usage.actions).sort()).toEqual(Object.keys(one.usage.actions).sort());
    for (const [k, v] of Object.entries(one.usage.actions)) expect(many.usage.actions[k].calls).toBe(v.calls);
  });
});
