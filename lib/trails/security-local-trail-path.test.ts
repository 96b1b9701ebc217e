// Local trail directories (issue 11, item 7): only under the administrator's root, real paths
// compared (a symbolic link out of the root is refused), no `..` in a prefix, and the same answer
// for a path outside the root whether it exists or not, at registration and when a job reads it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { JobFailure } from "@/lib/jobs/job-errors";
import { moveLegacyDemoTrail } from "@/lib/local-aws/seed/move-legacy-demo-trail";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { getTrailByArn } from "./get-trail-by-arn";
import { registerTrail } from "./register-trail";
import { localTrailsRoot } from "./resolve-local-trail-path";
import { resolveTrailLogSource } from "./resolve-trail-log-source";

const ARN = "arn:aws:cloudtrail:us-east-1:111122223333:trail/local";
const saved = { ...process.env };
let db: TestDb;
let base: string;
let root: string;
let outside: string;

beforeAll(async () => {
  db = await createTestDb({ kind: "pglite" });
  base = realpathSync(mkdtempSync(join(tmpdir(), "lw-root-test-")));
  root = join(base, "trails");
  outside = join(base, "elsewhere");
  mkdirSync(join(root, "team-a", "AWSLogs"), { recursive: true });
  mkdirSync(join(outside, "secret"), { recursive: true });
  symlinkSync(outside, join(root, "link-out"));
  symlinkSync(join(root, "team-a"), join(root, "link-in"));
  symlinkSync(root, join(base, "root-link"));
  process.env.LEASTWISE_LOCAL_TRAILS_ROOT = root;
  resetEnvCache();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvCache();
  await db?.close();
  rmSync(base, { recursive: true, force: true });
});

const register = (dir: string, prefix?: string) =>
  registerTrail({ arn: ARN, source: { kind: "local", dir, ...(prefix ? { prefix } : {}) }, db: db.prisma });

async function refusal(dir: string, prefix?: string): Promise<{ field?: string; message: string }> {
  const error = await register(dir, prefix).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected ${dir} (${prefix}) to be refused, got ${String(error)}`);
  expect(error.code).toBe("VALIDATION");
  return { field: error.field, message: error.userMessage };
}

describe("registering a local trail", () => {
  it.each([
    ["/etc", undefined],
    ["/root", undefined],
    ["/proc/self", undefined],
    ["/", undefined],
    ["<base>/elsewhere", undefined],
    ["<root>/../elsewhere", undefined],
    ["<root>/link-out", undefined],
    ["<root>/link-out/secret", undefined],
    ["<root>/link-out/does-not-exist", undefined],
    ["<root>-sibling", undefined],
  ])("refuses %s, outside the root", async (dir) => {
    const r = await refusal(dir.replace("<root>", root).replace("<base>", base));
    expect(r.field).toBe("dir");
    expect(r.message).toMatch(/is not inside the local trails root/);
  });

  it.each([
    ["..", /may not contain "\." or "\.\." segments/],
    ["a/../../elsewhere", /may not contain/],
    ["./AWSLogs", /may not contain/],
  ])("refuses the prefix %s", async (prefix, message) => {
    const r = await refusal(join(root, "team-a"), prefix);
    expect(r).toMatchObject({ field: "prefix" });
    expect(r.message).toMatch(message);
  });

  it("refuses a relative directory", async () => {
    expect((await refusal("trails/team-a")).message).toMatch(/absolute path/);
  });

  it.each([
    ["a directory under the root", "<root>/team-a"],
    ["a link that stays inside the root", "<root>/link-in"],
    ["a directory that does not exist yet", "<root>/not-yet"],
  ])("accepts %s", async (_, dir) => {
    await expect(register(dir.replace("<root>", root).replace("<base>", base))).resolves.toMatchObject({ arn: ARN });
  });

  it("accepts both spellings of a root configured through a symbolic link", async () => {
    process.env.LEASTWISE_LOCAL_TRAILS_ROOT = join(base, "root-link");
    resetEnvCache();
    try {
      await expect(register(join(base, "root-link", "team-a"))).resolves.toMatchObject({ arn: ARN });
      await expect(register(join(root, "team-a"))).resolves.toMatchObject({ arn: ARN });
    } finally {
      process.env.LEASTWISE_LOCAL_TRAILS_ROOT = root;
      resetEnvCache();
    }
  });

  it("refuses a dangling link that points out of the root", async () => {
    symlinkSync(join(outside, "not-there"), join(root, "dangling-out"));
    expect((await refusal(join(root, "dangling-out"))).message).toMatch(/is not inside the local trails root/);
    expect((await refusal(join(root, "dangling-out", "below"))).message).toMatch(/is not inside the local trails root/);
  });

  it("answers the same for a path outside the root whether it exists or not", async () => {
    const strip = (m: string, dir: string) => m.replace(dir, "<dir>");
    const existing = join(outside, "secret");
    const missing = join(outside, "no-such-directory");
    expect(strip((await refusal(existing)).message, existing)).toBe(strip((await refusal(missing)).message, missing));
    const viaLinkExisting = join(root, "link-out", "secret");
    const viaLinkMissing = join(root, "link-out", "nothing-here");
    expect(strip((await refusal(viaLinkExisting)).message, viaLinkExisting)).toBe(
      strip((await refusal(viaLinkMissing)).message, viaLinkMissing),
    );
  });

  it("defaults the root to the data directory's trails folder", () => {
    delete process.env.LEASTWISE_LOCAL_TRAILS_ROOT;
    process.env.LEASTWISE_DATA_DIR = join(base, "data");
    resetEnvCache();
    try {
      expect(localTrailsRoot()).toBe(join(base, "data", "trails"));
    } finally {
      process.env.LEASTWISE_LOCAL_TRAILS_ROOT = root;
      resetEnvCache();
    }
  });
});

describe("a job reading a local trail", () => {
  const target = () => join(root, "swapped");
  afterEach(() => rmSync(target(), { recursive: true, force: true }));

  async function jobError(): Promise<JobFailure> {
    const error = await resolveTrailLogSource({ trailArn: ARN, accessRole: null, db: db.prisma }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobFailure);
    return error as JobFailure;
  }

  it("reads the real path of a directory under the root", async () => {
    await register(join(root, "link-in"));
    await expect(resolveTrailLogSource({ trailArn: ARN, accessRole: null, db: db.prisma })).resolves.toMatchObject({
      source: { kind: "local", dir: join(root, "team-a") },
    });
  });

  it("fails a directory that became a link out of the root, the same way whether its target exists", async () => {
    mkdirSync(target());
    await register(target());
    rmSync(target(), { recursive: true });
    symlinkSync(join(outside, "secret"), target());
    const existing = await jobError();
    rmSync(target());
    symlinkSync(join(outside, "missing"), target());
    const missing = await jobError();
    expect(existing.code).toBe("AUTHORIZATION_ERROR");
    expect(existing.message).toMatch(/is not inside the local trails root/);
    expect(missing).toMatchObject({ code: existing.code, message: existing.message });
  });

  it("fails a trail registered before the root existed (written to the registry directly)", async () => {
    await db.prisma.trail.upsert({
      where: { arn: ARN },
      create: {
        arn: ARN,
        name: "local",
        homeRegion: "us-east-1",
        accountId: "111122223333",
        sourceKind: "LOCAL",
        localDir: "/etc",
        prefix: "../root",
      },
      update: { sourceKind: "LOCAL", localDir: "/etc", prefix: "../root", bucket: null, endpoint: null },
    });
    const e = await jobError();
    expect(e.code).toBe("AUTHORIZATION_ERROR");
    expect(e.message).toMatch(/may not contain/);
  });
});

describe("the demo trail of a data directory seeded before the root", () => {
  it("moves under the root and is registered there", async () => {
    const dataDir = join(base, "old-data");
    const legacy = join(dataDir, "demo-trail");
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, "corpus-manifest.json"), "{}");
    const arn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/leastwise-demo-trail";
    await db.prisma.trail.upsert({
      where: { arn },
      create: {
        arn,
        name: "leastwise-demo-trail",
        homeRegion: "us-east-1",
        accountId: "111122223333",
        sourceKind: "LOCAL",
        localDir: legacy,
      },
      update: { localDir: legacy },
    });
    const logDir = join(root, "demo-trail");
    await moveLegacyDemoTrail({ db: db.prisma, trailArn: arn, dataDir, logDir });
    expect(existsSync(join(logDir, "corpus-manifest.json"))).toBe(true);
    expect(existsSync(legacy)).toBe(false);
    expect((await getTrailByArn({ arn, db: db.prisma }))?.source).toEqual({ kind: "local", dir: logDir });
  });
});
