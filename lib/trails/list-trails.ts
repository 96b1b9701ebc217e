import { dbOrDefault, toTrailRecord, type DbOrTx, type TrailRecord } from "./trail-record";

/** Registered trails, optionally of one account, by ARN. */
export async function listTrails(options: { accountId?: string; db?: DbOrTx } = {}): Promise<TrailRecord[]> {
  const db = await dbOrDefault(options.db);
  const rows = await db.trail.findMany({
    where: options.accountId ? { accountId: options.accountId } : {},
    orderBy: { arn: "asc" },
  });
  return rows.map(toTrailRecord);
}
