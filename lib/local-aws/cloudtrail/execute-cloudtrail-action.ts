// The CloudTrail JSON 1.1 protocol: `X-Amz-Target: com.amazonaws.cloudtrail.v20131101.
// CloudTrail_20131101.<Operation>` (the AWS CLI) or `CloudTrail_20131101.<Operation>` (SDK v3), a JSON
// body, and errors as `{"__type": ..., "message": ...}`.
// Leastwise serves the trails of its registry that belong to the local account.
import { randomUUID } from "node:crypto";

const TARGET = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.(\w+)$/;

export interface LocalTrail {
  arn: string;
  name: string;
  homeRegion: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  isMultiRegionTrail: boolean;
  isOrganizationTrail: boolean;
}

export interface CloudTrailContext {
  accountId: string;
  listTrails(): Promise<LocalTrail[]>;
}

export class CloudTrailError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface JsonAnswer {
  status: number;
  body: string;
  requestId: string;
  errorType?: string;
}

type Operation = (ctx: CloudTrailContext, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

function trailShape(t: LocalTrail): Record<string, unknown> {
  return {
    Name: t.name,
    S3BucketName: t.s3BucketName,
    S3KeyPrefix: t.s3KeyPrefix || undefined,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    HomeRegion: t.homeRegion,
    TrailARN: t.arn,
    LogFileValidationEnabled: false,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.isOrganizationTrail,
  };
}

/** A trail named by name or by ARN, as GetTrail and DescribeTrails accept them. */
async function findTrail(ctx: CloudTrailContext, nameOrArn: unknown): Promise<LocalTrail> {
  if (typeof nameOrArn !== "string" || nameOrArn.length === 0) {
    throw new CloudTrailError(
      "InvalidTrailNameException",
      "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).",
    );
  }
  if (nameOrArn.startsWith("arn:") && !/^arn:[^:]+:cloudtrail:[^:]+:\d{12}:trail\/[\w.-]+$/.test(nameOrArn)) {
    throw new CloudTrailError("CloudTrailARNInvalidException", `${nameOrArn} is not a valid trail ARN.`);
  }
  if (!nameOrArn.startsWith("arn:") && !/^[A-Za-z0-9][\w.-]{2,127}$/.test(nameOrArn)) {
    throw new CloudTrailError(
      "InvalidTrailNameException",
      "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).",
    );
  }
  const trails = await ctx.listTrails();
  const trail = trails.find((t) => t.arn === nameOrArn || t.name === nameOrArn);
  if (!trail) throw new CloudTrailError("TrailNotFoundException", `Unknown trail: ${nameOrArn} for the user: ${ctx.accountId}`);
  return trail;
}

const OPERATIONS: Record<string, Operation> = {
  async ListTrails(ctx, input) {
    if (input.NextToken !== undefined && input.NextToken !== null) {
      throw new CloudTrailError("InvalidNextTokenException", "The NextToken is not valid: all trails fit in one page.");
    }
    const trails = await ctx.listTrails();
    return { Trails: trails.map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })) };
  },
  async DescribeTrails(ctx, input) {
    const names = input.trailNameList;
    if (names !== undefined && !Array.isArray(names))
      throw new CloudTrailError("SerializationException", "trailNameList must be a list of strings.");
    if (!names || names.length === 0) return { trailList: (await ctx.listTrails()).map(trailShape) };
    const found: LocalTrail[] = [];
    for (const name of names) {
      try {
        found.push(await findTrail(ctx, name));
      } catch (error) {
        // DescribeTrails leaves out names it does not know, as CloudTrail does.
        if (!(error instanceof CloudTrailError && error.type === "TrailNotFoundException")) throw error;
      }
    }
    return { trailList: found.map(trailShape) };
  },
  async GetTrail(ctx, input) {
    return { Trail: trailShape(await findTrail(ctx, input.Name)) };
  },
  async GetTrailStatus(ctx, input) {
    await findTrail(ctx, input.Name);
    return { IsLogging: true };
  },
};

export async function executeCloudTrailAction(options: {
  target: string | null;
  body: string;
  context: () => Promise<CloudTrailContext>;
}): Promise<JsonAnswer> {
  const requestId = randomUUID();
  try {
    const target = options.target ?? "";
    const name = TARGET.exec(target)?.[1] ?? "";
    const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!operation) throw new CloudTrailError("UnknownOperationException", `Unknown operation ${target || "(no X-Amz-Target header)"}`);
    let input: unknown;
    try {
      input = options.body.trim() === "" ? {} : JSON.parse(options.body);
    } catch {
      throw new CloudTrailError("SerializationException", "The request body is not valid JSON.");
    }
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw new CloudTrailError("SerializationException", "The request body must be a JSON object.");
    const output = await operation(await options.context(), input as Record<string, unknown>);
    return { status: 200, body: JSON.stringify(output), requestId };
  } catch (error) {
    return { ...cloudTrailErrorAnswer(error, requestId), requestId };
  }
}

export function cloudTrailErrorAnswer(error: unknown, requestId: string): { status: number; body: string; errorType: string } {
  if (error instanceof CloudTrailError) {
    return { status: error.status, body: JSON.stringify({ __type: error.type, message: error.message }), errorType: error.type };
  }
  console.error(`[local-aws] CloudTrail request ${requestId} failed`, error);
  const message = `The local CloudTrail endpoint failed to process the request (request ${requestId}); see the server log.`;
  return { status: 500, body: JSON.stringify({ __type: "InternalFailure", message }), errorType: "InternalFailure" };
}
