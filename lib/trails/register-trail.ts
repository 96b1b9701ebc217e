// Registers (or updates) a trail Leastwise reads without asking CloudTrail: an S3 or S3-compatible
// bucket and prefix, or a local directory in the trail layout. An admin operation.
import { parseTrailArn } from "@/lib/core/arn";
import { isCoreError } from "@/lib/core/errors";
import { AppError } from "@/lib/errors";
import { resolveLocalTrailPath } from "./resolve-local-trail-path";
import { checkS3Endpoint } from "./validate-s3-endpoint";
import { dbOrDefault, toTrailRecord, type DbOrTx, type TrailRecord, type TrailSource } from "./trail-record";

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;

export async function registerTrail(options: { arn: string; source: TrailSource; orgId?: string; db?: DbOrTx }): Promise<TrailRecord> {
  let parsed;
  try {
    parsed = parseTrailArn(options.arn, "arn");
  } catch (error) {
    if (isCoreError(error)) throw new AppError("VALIDATION", error.message, { field: "arn" });
    throw error;
  }
  const { source } = options;
  const prefix = source.prefix?.replace(/^\/+|\/+$/g, "") || null;
  if (options.orgId !== undefined && !ORG_ID.test(options.orgId)) {
    throw new AppError("VALIDATION", `"${options.orgId}" is not an organization ID (o- followed by 10-32 letters or digits).`, {
      field: "orgId",
    });
  }
  let columns;
  if (source.kind === "local") {
    await resolveLocalTrailPath({ dir: source.dir, prefix: prefix ?? undefined });
    columns = { sourceKind: "LOCAL" as const, localDir: source.dir, bucket: null, endpoint: null, bucketRegion: null };
  } else {
    if (!BUCKET.test(source.bucket ?? "")) {
      throw new AppError("VALIDATION", `"${source.bucket}" is not an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens).`, {
        field: "bucket",
      });
    }
    if (source.endpoint !== undefined && source.endpoint !== "") await checkS3Endpoint(source.endpoint);
    columns = {
      sourceKind: "S3" as const,
      bucket: source.bucket,
      endpoint: source.endpoint || null,
      bucketRegion: source.region || null,
      localDir: null,
    };
  }
  const data = {
    name: parsed.name,
    homeRegion: parsed.region,
    accountId: parsed.accountId,
    orgId: options.orgId ?? null,
    prefix,
    ...columns,
  };
  const db = await dbOrDefault(options.db);
  const row = await db.trail.upsert({ where: { arn: options.arn }, create: { arn: options.arn, ...data }, update: data });
  return toTrailRecord(row);
}
