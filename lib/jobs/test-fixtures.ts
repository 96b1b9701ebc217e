// Shared by the jobs and API tests: a small generated trail in a temp directory, registered.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TARGET_ROLE, generateCorpus } from "@/lib/corpus/generate-corpus";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { registerTrail } from "@/lib/trails/register-trail";

export const TEST_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111122223333:trail/leastwise-test";
export const TEST_ROLE = DEFAULT_TARGET_ROLE;
export const TEST_ACCESS_ROLE = "arn:aws:iam::111122223333:role/service-role/AccessAnalyzerMonitorServiceRole_test";

export interface TestTrail {
  dir: string;
  start: Date;
  end: Date;
  remove(): void;
}

/**
 * The local trails root of tests that register these trails (LEASTWISE_LOCAL_TRAILS_ROOT): the
 * temp directory makeTestTrail writes into. Set explicitly by each test that needs it.
 */
export const TEST_TRAILS_ROOT = tmpdir();

/** `days` days of logs ending at today 00:00 UTC (small: about sizeMb uncompressed). */
export async function makeTestTrail(options: { days?: number; sizeMb?: number; seed?: number } = {}): Promise<TestTrail> {
  const dir = mkdtempSync(join(TEST_TRAILS_ROOT, "lw-trail-"));
  const end = new Date();
  end.setUTCHours(0, 0, 0, 0);
  const manifest = await generateCorpus({
    outDir: dir,
    days: options.days ?? 3,
    seed: options.seed ?? 7,
    endDate: end,
    sizeMb: options.sizeMb ?? 2,
  });
  return { dir, start: new Date(manifest.start), end: new Date(manifest.end), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function registerTestTrail(db: PrismaClient, dir: string, arn = TEST_TRAIL_ARN) {
  return registerTrail({ arn, source: { kind: "local", dir }, db });
}
