import { AppError } from "@/lib/errors";
import { dbOrDefault, type DbOrTx } from "./trail-record";

/** Removes a trail from the registry (its logs are untouched). */
export async function unregisterTrail(options: { arn: string; db?: DbOrTx }): Promise<void> {
  const db = await dbOrDefault(options.db);
  const { count } = await db.trail.deleteMany({ where: { arn: options.arn } });
  if (count === 0) throw new AppError("NOT_FOUND", `No trail ${options.arn} is registered.`, { field: "arn" });
}
