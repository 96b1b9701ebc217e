// Where a trail's logs are. A trail registered in Leastwise answers from the registry. Otherwise,
// as the AWS service does, Leastwise assumes the request's access role through STS and asks
// CloudTrail (GetTrail) for the trail's bucket and prefix, then reads with that role's session.
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { GetTrailCommand } from "@aws-sdk/client-cloudtrail";
import { parseTrailArn } from "@/lib/core/arn";
import type { LogSource } from "@/lib/core/types";
import { cloudTrailClient, stsClient } from "@/lib/aws/clients";
import { JobFailure } from "@/lib/jobs/job-errors";
import { checkTrailSourceAtUse } from "./check-trail-source";
import { getTrailByArn } from "./get-trail-by-arn";
import type { DbOrTx } from "./trail-record";

export interface ResolvedTrail {
  source: LogSource;
  homeRegion: string;
  orgId?: string;
}

export async function resolveTrailLogSource(options: { trailArn: string; accessRole: string | null; db: DbOrTx }): Promise<ResolvedTrail> {
  const registered = await getTrailByArn({ arn: options.trailArn, db: options.db });
  if (registered) {
    const s = registered.source;
    const source: LogSource =
      s.kind === "local"
        ? { kind: "local", dir: s.dir, ...(s.prefix ? { prefix: s.prefix } : {}) }
        : {
            kind: "s3",
            bucket: s.bucket,
            ...(s.prefix ? { prefix: s.prefix } : {}),
            ...(s.endpoint ? { endpoint: s.endpoint } : {}),
            region: s.region ?? registered.homeRegion,
          };
    return { source: await checkTrailSourceAtUse(source), homeRegion: registered.homeRegion, ...(registered.orgId ? { orgId: registered.orgId } : {}) };
  }
  const { region } = parseTrailArn(options.trailArn);
  if (!options.accessRole) {
    throw new JobFailure("AUTHORIZATION_ERROR", `No access role was given to read the trail ${options.trailArn}.`);
  }
  let credentials;
  try {
    const assumed = await stsClient().send(
      new AssumeRoleCommand({ RoleArn: options.accessRole, RoleSessionName: "leastwise-policy-generation", DurationSeconds: 3600 }),
    );
    const c = assumed.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("STS returned no credentials");
    credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}) };
  } catch (error) {
    throw new JobFailure(
      "AUTHORIZATION_ERROR",
      `Leastwise could not assume the access role ${options.accessRole}: ${messageOf(error)}. Its trust policy must allow sts:AssumeRole by access-analyzer.amazonaws.com and by the identity Leastwise runs as.`,
      { cause: error },
    );
  }
  try {
    const out = await cloudTrailClient({ region, credentials }).send(new GetTrailCommand({ Name: options.trailArn }));
    const trail = out.Trail;
    if (!trail?.S3BucketName) throw new JobFailure("RESOURCE_NOT_FOUND_ERROR", `The trail ${options.trailArn} delivers no logs to S3.`);
    return {
      source: {
        kind: "s3",
        bucket: trail.S3BucketName,
        ...(trail.S3KeyPrefix ? { prefix: trail.S3KeyPrefix } : {}),
        region: trail.HomeRegion ?? region,
        credentials,
      },
      homeRegion: trail.HomeRegion ?? region,
    };
  } catch (error) {
    if (error instanceof JobFailure) throw error;
    const name = (error as { name?: string }).name ?? "";
    if (/TrailNotFound/.test(name)) {
      throw new JobFailure("RESOURCE_NOT_FOUND_ERROR", `The trail ${options.trailArn} does not exist (CloudTrail GetTrail in ${region}). Check the ARN and the region.`);
    }
    if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
      throw new JobFailure("AUTHORIZATION_ERROR", `The access role ${options.accessRole} may not call cloudtrail:GetTrail on ${options.trailArn}: ${messageOf(error)}. Add cloudtrail:GetTrail to its permissions.`);
    }
    throw new JobFailure("SERVICE_ERROR", `CloudTrail GetTrail for ${options.trailArn} failed: ${messageOf(error)}.`, { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
