// Where a trail's logs are. A trail registered in Leastwise answers from the registry. Otherwise,
// as the AWS service does, Leastwise assumes the request's access role through STS and asks
// CloudTrail (GetTrail) for the trail's bucket and prefix, then reads with that role's session
// (refreshed before it expires). An organization trail (IsOrganizationTrail) keeps a member
// account's logs under AWSLogs/<o-id>/<account>/, often in a bucket of another account (the
// management or log-archive account): the organization ID is read from the bucket's layout.
import { GetTrailCommand } from "@aws-sdk/client-cloudtrail";
import { parseTrailArn } from "@/lib/core/arn";
import type { LogSource } from "@/lib/core/types";
import { cloudTrailClient } from "@/lib/aws/clients";
import { JobFailure } from "@/lib/jobs/job-errors";
import { checkTrailSourceAtUse } from "./check-trail-source";
import { assumeAccessRole } from "./assume-access-role";
import { awsErrorTag, classifyAwsError } from "./classify-aws-error";
import { detectOrganizationId } from "./detect-organization-id";
import { getTrailByArn } from "./get-trail-by-arn";
import type { DbOrTx } from "./trail-record";

/** What layout was read and how it was known: shown on the entity page and in the wizard. */
export interface TrailLayout {
  kind: "account" | "organization";
  orgId?: string;
  /** registry: the admin registered it; bucket: found in the trail's bucket; none: org trail, no folder found */
  orgIdFrom?: "registry" | "bucket" | "none";
  /** the trail belongs to another account than the principal (its bucket usually too) */
  trailAccountId: string;
}

export interface ResolvedTrail {
  source: LogSource;
  homeRegion: string;
  orgId?: string;
  layout: TrailLayout;
  /** findings about the trail itself, added to the scan's warnings */
  notes: string[];
}

export async function resolveTrailLogSource(options: {
  trailArn: string;
  accessRole: string | null;
  principalAccountId?: string;
  db: DbOrTx;
  signal?: AbortSignal;
}): Promise<ResolvedTrail> {
  const { region, accountId: trailAccountId } = parseTrailArn(options.trailArn);
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
    const layout: TrailLayout = registered.orgId
      ? { kind: "organization", orgId: registered.orgId, orgIdFrom: "registry", trailAccountId }
      : { kind: "account", trailAccountId };
    return {
      source: await checkTrailSourceAtUse(source),
      homeRegion: registered.homeRegion,
      ...(registered.orgId ? { orgId: registered.orgId } : {}),
      layout,
      notes: [],
    };
  }
  if (!options.accessRole) {
    throw new JobFailure(
      "AUTHORIZATION_ERROR",
      `No access role was given to read the trail ${options.trailArn}: pass accessRole (a role Leastwise can assume that may call cloudtrail:GetTrail and read the trail's bucket).`,
    );
  }
  const assumed = await assumeAccessRole({ roleArn: options.accessRole, signal: options.signal });
  let trail;
  try {
    trail = (await cloudTrailClient({ region, credentials: assumed.credentials }).send(new GetTrailCommand({ Name: options.trailArn })))
      .Trail;
  } catch (error) {
    throw getTrailFailure(options.trailArn, options.accessRole, region, error);
  }
  if (!trail?.S3BucketName) {
    throw new JobFailure(
      "RESOURCE_NOT_FOUND_ERROR",
      `CloudTrail GetTrail for ${options.trailArn} names no S3 bucket: the trail delivers no logs to S3 (only CloudWatch Logs or an event data store), which Leastwise cannot read. Choose a trail that logs to S3.`,
    );
  }
  const homeRegion = trail.HomeRegion ?? region;
  const source: LogSource = {
    kind: "s3",
    bucket: trail.S3BucketName,
    ...(trail.S3KeyPrefix ? { prefix: trail.S3KeyPrefix } : {}),
    region: homeRegion,
    credentials: assumed.credentials,
    assumeRole: assumed.assumeRole,
  };
  const notes: string[] = [];
  if (!trail.IsOrganizationTrail) {
    return { source, homeRegion, layout: { kind: "account", trailAccountId }, notes };
  }
  const account = options.principalAccountId ?? trailAccountId;
  // A failure to list the bucket is a ScanError, mapped by the job like any read of the bucket.
  const detected = await detectOrganizationId({ source, account, signal: options.signal });
  if (!detected.orgId) {
    notes.push(
      `${options.trailArn} is an organization trail, but its bucket s3://${trail.S3BucketName}/${trail.S3KeyPrefix ? `${trail.S3KeyPrefix}/` : ""}AWSLogs/ holds no organization folder (o-...); the account layout AWSLogs/${account}/ was read instead.`,
    );
    return { source, homeRegion, layout: { kind: "organization", orgIdFrom: "none", trailAccountId }, notes };
  }
  if (detected.orgFolders.length > 1)
    notes.push(
      `the trail's bucket holds several organization folders (${detected.orgFolders.join(", ")}); ${detected.orgId} was read because it holds account ${account}.`,
    );
  return {
    source,
    homeRegion,
    orgId: detected.orgId,
    layout: { kind: "organization", orgId: detected.orgId, orgIdFrom: "bucket", trailAccountId },
    notes,
  };
}

function getTrailFailure(trailArn: string, accessRole: string, region: string, error: unknown): JobFailure {
  const tag = awsErrorTag(error);
  switch (classifyAwsError(error)) {
    case "not-found":
      return new JobFailure(
        "RESOURCE_NOT_FOUND_ERROR",
        `CloudTrail GetTrail found no trail ${trailArn} in ${region}${tag}. Check the trail ARN and its home region.`,
        { cause: error },
      );
    case "denied":
      return new JobFailure(
        "AUTHORIZATION_ERROR",
        `The access role ${accessRole} may not call cloudtrail:GetTrail on ${trailArn}${tag}. Add cloudtrail:GetTrail to the role's permissions policy.`,
        { cause: error },
      );
    case "credentials":
      return new JobFailure(
        "AUTHORIZATION_ERROR",
        `CloudTrail GetTrail on ${trailArn} refused the session of the access role ${accessRole}${tag}. Start the generation again; if it fails again, check the role's maximum session duration.`,
        { cause: error },
      );
    case "invalid":
      return new JobFailure("RESOURCE_NOT_FOUND_ERROR", `CloudTrail GetTrail rejected the trail ARN ${trailArn}${tag}. Check the ARN.`, {
        cause: error,
      });
    case "throttled":
      return new JobFailure(
        "SERVICE_ERROR",
        `CloudTrail GetTrail on ${trailArn} was throttled${tag}. Wait a minute and start the generation again.`,
        { cause: error },
      );
    case "network":
      return new JobFailure(
        "SERVICE_ERROR",
        `CloudTrail in ${region} could not be reached for GetTrail on ${trailArn}${tag}. Check the server's network and AWS_ENDPOINT_URL_CLOUDTRAIL.`,
        { cause: error },
      );
    default:
      return new JobFailure(
        "SERVICE_ERROR",
        `CloudTrail GetTrail on ${trailArn} failed${tag}. Retry the generation; if it fails again, check the server log.`,
        { cause: error },
      );
  }
}
