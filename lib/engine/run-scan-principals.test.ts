import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusManifest } from "@/lib/corpus/generate-corpus";
import { scanError } from "@/lib/testing/scan-error";
import { runScan } from "./run-scan";
import { runScanPrincipals } from "./run-scan-principals";
import { gz, roleRecord, writeDayObject } from "./testing-trail";

// All principals from one pass must give each principal exactly what a scan of that principal
// alone gives, on corpora with the tricky records (the target's ARN in others' parameters, escaped
// ARNs, a role named like another plus a suffix, a role in a path, users, a second account, web
// identities, AWS services) and pretty-printed files, in two accounts.
let dir: string;
let manifest: CorpusManifest;
const END = new Date("2026-03-01T00:00:00Z");
const WINDOW = { start: new Date(END.getTime() - 4 * 86_400_000), end: END };
const ACCOUNTS = ["111122223333", "444455556666"];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lw-principals-"));
  manifest = await generateCorpus({
    outDir: dir,
    days: 4,
    seed: 7,
    endDate: END,
    sizeMb: 3,
    prettyFiles: 4,
    filesPerDay: 8,
    accounts: ACCOUNTS,
  });
  // records of a principal without a usable eventTime, in a file of its own
  await writeDayObject(
    dir,
    "eu-west-1",
    "2026-02-28",
    "111122223333_CloudTrail_eu-west-1_20260228T0500Z_badrecord01.json.gz",
    gz(JSON.stringify({ Records: [roleRecord({ eventID: "bad-1", eventTime: "not a time" }), roleRecord({ eventID: "ok-1" })] })),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const base = {
  window: WINDOW,
  source: {
    kind: "local" as const,
    get dir() {
      return dir;
    },
  },
  regions: "all" as const,
};
const single = (principalArn: string, accounts?: string[]) =>
  runScan({ request: { ...base, source: { kind: "local", dir }, principalArn, accounts } });

describe("runScanPrincipals", () => {
  it("gives every principal of the accounts exactly its single-principal usage, in one pass", async () => {
    const all = await runScanPrincipals({ request: { ...base, source: { kind: "local", dir }, principals: "all", accounts: ACCOUNTS } });
    // the principals with calls in the window, by the generator's ground truth
    const expected = Object.entries(manifest.eventsByPrincipal)
      .filter(([arn, n]) => n > 0 && /^arn:aws:iam::\d{12}:(role|user)\//.test(arn) && ACCOUNTS.includes(arn.split(":")[4]))
      .map(([arn]) => arn)
      .sort();
    expect(all.usages.map((u) => u.principalArn)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(40);
    for (const u of all.usages) {
      const one = await single(u.principalArn, ACCOUNTS);
      expect(u, u.principalArn).toEqual(one.usage);
    }
    const sumMatched = all.usages.reduce((n, u) => n + u.eventsMatched, 0);
    expect(all.stats.eventsMatched).toBe(sumMatched);
    expect(all.stats.filesRead).toBe((await single(expected[0], ACCOUNTS)).stats.filesRead);
    expect(all.warnings).toEqual([expect.objectContaining({ code: "BAD_RECORD", file: expect.stringContaining("badrecord01") })]);
  }, 120_000);

  it("gives a listed set exactly, an empty usage to a listed principal without calls, and with several workers the same", async () => {
    const arns = [
      "arn:aws:iam::111122223333:role/TargetRole",
      "arn:aws:iam::111122223333:role/TargetRoleAdmin",
      "arn:aws:iam::111122223333:role/service-role/deploy/ci-deployer",
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::111122223333:role/NeverSeen",
    ];
    for (const workers of [1, 3]) {
      const r = await runScanPrincipals({ request: { ...base, source: { kind: "local", dir }, principals: arns }, workers });
      expect(r.usages.map((u) => u.principalArn)).toEqual([...arns].sort());
      for (const u of r.usages) expect(u).toEqual((await single(u.principalArn)).usage);
      expect(r.usages.find((u) => u.principalArn.endsWith("NeverSeen"))!.eventsMatched).toBe(0);
      expect(r.usages.find((u) => u.principalArn.endsWith("role/TargetRole"))!.eventsMatched).toBe(manifest.eventsByPrincipal[arns[0]] + 1);
    }
  }, 120_000);

  it.each([
    { name: "an empty list", principals: [] as string[], accounts: undefined, field: "principals" },
    { name: "an invalid ARN", principals: ["arn:aws:iam::1:role/x"], accounts: undefined, field: "principals" },
    { name: "all without accounts", principals: "all" as const, accounts: undefined, field: "accounts" },
    { name: "all with a bad account", principals: "all" as const, accounts: ["12"], field: "accounts" },
  ])("refuses $name before any I/O", async ({ principals, accounts, field }) => {
    const e = await scanError(
      runScanPrincipals({ request: { ...base, source: { kind: "local", dir: "/nonexistent" }, principals, accounts } }),
    );
    expect(e.code).toBe("INVALID_REQUEST");
    expect(e.field).toBe(field);
  });
});
