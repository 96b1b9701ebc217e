// Before local trails had to be under the local trails root, the demo trail's logs were written to
// <data dir>/demo-trail. A data directory seeded then has its demo trail moved under the root (and
// registered there) at start, so its generations keep working. Nothing happens for any other trail.
import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { getTrailByArn } from "@/lib/trails/get-trail-by-arn";
import { registerTrail } from "@/lib/trails/register-trail";
import type { Db } from "../iam/context";

export async function moveLegacyDemoTrail(options: { db: Db; trailArn: string; dataDir: string; logDir: string }): Promise<void> {
  const legacy = path.resolve(options.dataDir, "demo-trail");
  if (legacy === options.logDir) return;
  const existing = await getTrailByArn({ arn: options.trailArn, db: options.db });
  if (existing?.source.kind !== "local" || path.resolve(existing.source.dir) !== legacy) return;
  if (existsSync(legacy) && !existsSync(options.logDir)) {
    await mkdir(path.dirname(options.logDir), { recursive: true });
    try {
      await rename(legacy, options.logDir);
    } catch (error) {
      // Another file system (a root elsewhere): leave it; the generation says the directory is outside the root.
      console.warn(`[seed] could not move the demo trail from ${legacy} to ${options.logDir}: ${(error as Error).message}`);
      return;
    }
  }
  await registerTrail({ arn: options.trailArn, source: { kind: "local", dir: options.logDir }, db: options.db });
}
