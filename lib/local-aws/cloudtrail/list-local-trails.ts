// The local account's trails as CloudTrail describes them, from Leastwise's trail registry. A trail
// kept in a local directory has no bucket; it is reported with a stable stand-in bucket name
// (`leastwise-local-<account>`) so callers that need one (the service role's permissions) get a
// valid name.
import { listTrails } from "@/lib/trails/list-trails";
import type { Db } from "../iam/context";
import type { LocalTrail } from "./execute-cloudtrail-action";

export function localBucketName(accountId: string): string {
  return `leastwise-local-${accountId}`;
}

export async function listLocalTrails(options: { db: Db; accountId: string }): Promise<LocalTrail[]> {
  // The account's own trails, and organization trails (of the management account) that CloudTrail
  // shows to every member account.
  const trails = (await listTrails({ db: options.db })).filter((t) => t.accountId === options.accountId || t.orgId !== undefined);
  return trails.map((t) => ({
    arn: t.arn,
    name: t.name,
    homeRegion: t.homeRegion,
    s3BucketName: t.source.kind === "s3" ? t.source.bucket : localBucketName(t.accountId),
    s3KeyPrefix: t.source.prefix,
    isMultiRegionTrail: true,
    isOrganizationTrail: t.orgId !== undefined,
  }));
}
