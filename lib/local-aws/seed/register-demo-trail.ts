// Registers the demo trail (a local directory in the trail layout) in Leastwise's trail registry.
// Registering is an upsert, so a repeated call leaves the same row.
import { getTrailByArn } from "@/lib/trails/get-trail-by-arn";
import { registerTrail } from "@/lib/trails/register-trail";
import type { Db } from "../iam/context";

export async function registerDemoTrail(options: { db: Db; trailArn: string; logDir: string }): Promise<void> {
  const existing = await getTrailByArn({ arn: options.trailArn, db: options.db });
  if (existing?.source.kind === "local" && existing.source.dir === options.logDir) return;
  await registerTrail({ arn: options.trailArn, source: { kind: "local", dir: options.logDir }, db: options.db });
}
