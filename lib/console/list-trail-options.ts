import { parseTrailArn } from "@/lib/core/arn";
import { listAccountTrails } from "@/lib/iam/list-account-trails";
import { listTrails } from "@/lib/trails/list-trails";
import { isAppError } from "@/lib/errors";

export interface TrailOptionFull {
  arn: string;
  name: string;
  homeRegion: string;
  /** where the logs are, for display: "s3://bucket/prefix" or a directory */
  location: string;
  /** the trail's account; a trail of another account (an organization trail) keeps its logs there */
  bucketAccountId: string | null;
  /** the bucket name, for the service role's permissions policy */
  bucketName: string | null;
  /** the bucket the service role must be allowed to read */
  serviceRoleBucket: string;
  registered: boolean;
  /** an organization trail: a member account's logs are under AWSLogs/<o-id>/<account>/ */
  organizationTrail: boolean;
  orgId?: string;
}

export interface TrailOptions {
  options: TrailOptionFull[];
  /** why the account's trails could not be listed (CloudTrail ListTrails/GetTrail): shown, never hidden as "no trails" */
  problem?: string;
}

/**
 * The trails the generate form offers: Leastwise's registry (where the logs are is known) and the
 * account's trails from CloudTrail (read from S3 through the service role). The registry wins.
 */
export async function listTrailOptions(): Promise<TrailOptions> {
  let problem: string | undefined;
  const [registered, account] = await Promise.all([
    listTrails(),
    listAccountTrails().catch((error: unknown) => {
      if (!isAppError(error)) throw error;
      problem = error.userMessage;
      return [];
    }),
  ]);
  const byArn = new Map<string, TrailOptionFull>();
  for (const t of account) {
    byArn.set(t.arn, {
      arn: t.arn,
      name: t.name,
      homeRegion: t.homeRegion,
      location: `s3://${t.bucket}${t.prefix ? `/${t.prefix}` : ""}`,
      bucketAccountId: accountOf(t.arn),
      bucketName: t.bucket || null,
      serviceRoleBucket: t.bucket,
      registered: false,
      organizationTrail: t.organizationTrail,
    });
  }
  for (const t of registered) {
    const fromAccount = byArn.get(t.arn);
    byArn.set(t.arn, {
      arn: t.arn,
      name: t.name,
      homeRegion: t.homeRegion,
      location:
        t.source.kind === "local"
          ? `${t.source.dir}${t.source.prefix ? ` (prefix ${t.source.prefix})` : ""}`
          : `s3://${t.source.bucket}${t.source.prefix ? `/${t.source.prefix}` : ""}${t.source.endpoint ? ` at ${t.source.endpoint}` : ""}`,
      bucketAccountId: t.accountId,
      bucketName: t.source.kind === "s3" ? t.source.bucket : null,
      serviceRoleBucket: t.source.kind === "s3" ? t.source.bucket : (fromAccount?.bucketName ?? ""),
      registered: true,
      organizationTrail: !!t.orgId || !!fromAccount?.organizationTrail,
      ...(t.orgId ? { orgId: t.orgId } : {}),
    });
  }
  return { options: [...byArn.values()].sort((a, b) => a.name.localeCompare(b.name)), ...(problem ? { problem } : {}) };
}

function accountOf(arn: string): string | null {
  try {
    return parseTrailArn(arn).accountId;
  } catch {
    return null;
  }
}
