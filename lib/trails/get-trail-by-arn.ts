import { dbOrDefault, toTrailRecord, type DbOrTx, type TrailRecord } from "./trail-record";

/** The registered trail with this ARN, or null. */
export async function getTrailByArn(options: { arn: string; db?: DbOrTx }): Promise<TrailRecord | null> {
  const db = await dbOrDefault(options.db);
  const row = await db.trail.findUnique({ where: { arn: options.arn } });
  return row ? toTrailRecord(row) : null;
}
