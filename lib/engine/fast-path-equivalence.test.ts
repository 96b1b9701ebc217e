import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusManifest } from "@/lib/corpus/generate-corpus";
import { runScan } from "./run-scan";
import { gz, roleRecord, writeDayObject } from "./testing-trail";

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
      const request = {
        principalArn,
        window: { start: new Date(END.getTime() - 4 * 86_400_000), end: END },
        source: { kind: "local" as const, dir },
        regions: "all" as const,
      };
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

  it("re-reads in full a file whose record holds an array of record-like objects", async () => {
    const nestedDir = await mkdtemp(path.join(tmpdir(), "lw-nested-"));
    try {
      const nested = roleRecord(
        {
          eventID: "nested-1",
          eventName: "SendMessage",
          requestParameters: { events: [{ a: 1 }, { eventVersion: "1.0", arn: PRINCIPALS[0] }] },
        },
        PRINCIPALS[0],
      );
      const records = [roleRecord({ eventID: "n0" }, PRINCIPALS[1]), nested, roleRecord({ eventID: "n2" })];
      await writeDayObject(
        nestedDir,
        "eu-west-1",
        "2026-02-28",
        "111122223333_CloudTrail_eu-west-1_20260228T0500Z_nestedarr1.json.gz",
        gz(JSON.stringify({ Records: records })),
      );
      const request = (principalArn: string) => ({
        principalArn,
        window: { start: new Date(END.getTime() - 4 * 86_400_000), end: END },
        source: { kind: "local" as const, dir: nestedDir },
        regions: "all" as const,
      });
      const fast = await runScan({ request: request(PRINCIPALS[0]), workers: 1 });
      const full = await runScan({ request: request(PRINCIPALS[0]), workers: 1, fastPath: false });
      expect(fast.usage).toEqual(full.usage);
      expect(fast.stats).toEqual(full.stats);
      expect(fast.stats.eventsMatched).toBe(2);
      // The documented limit: when no candidate falls in the wrongly split record, the usage is
      // still exact but eventsRead counts the nested object as one more record.
      const other = await runScan({ request: request(PRINCIPALS[1]), workers: 1 });
      const otherFull = await runScan({ request: request(PRINCIPALS[1]), workers: 1, fastPath: false });
      expect(other.usage).toEqual(otherFull.usage);
      expect(other.stats.eventsRead).toBe(otherFull.stats.eventsRead + 1);
    } finally {
      await rm(nestedDir, { recursive: true, force: true });
    }
  });

  it("gives the same usage with several workers", async () => {
    const request = {
      principalArn: PRINCIPALS[0],
      window: { start: new Date(END.getTime() - 4 * 86_400_000), end: END },
      source: { kind: "local" as const, dir },
      regions: "all" as const,
    };
    const one = await runScan({ request, workers: 1 });
    const many = await runScan({ request, workers: 3 });
    expect(many.stats).toEqual(one.stats);
    expect(Object.keys(many.usage.actions).sort()).toEqual(Object.keys(one.usage.actions).sort());
    for (const [k, v] of Object.entries(one.usage.actions)) expect(many.usage.actions[k].calls).toBe(v.calls);
  });
});
