import path from "node:path";
import { parseArgs } from "node:util";
import { parsePrincipalArn } from "@/lib/core/arn";
import { isCoreError } from "@/lib/core/errors";
import type { LogSource, ScanRequest } from "@/lib/core/types";
import { parseIsoTime, validateWindow } from "@/lib/core/window";
import { isAccountId, isOrgId, isRegionName } from "@/lib/logs/trail-layout";

export const GENERATE_USAGE = `usage: leastwise generate --principal ARN [--principal ARN ...] | --all-principals --account ID
       --logs DIR|s3://BUCKET[/PREFIX] --start ISO [--end ISO]
       [--regions a,b | --all-regions] [--account ID[,ID...]] [--org-id o-...] [--endpoint-url URL]
       [--trail-arn ARN] [--s3-concurrency N] [--no-placeholders] [--service-level] [--json]

  --principal       the IAM role or user ARN (a role's path included); repeat it to read the logs
                    once for several principals (one result each)
  --all-principals  one result for every role and user of --account with calls in the window
  --logs            a local copy of the trail (the folder holding AWSLogs/) or s3://bucket/prefix
  --start, --end    the window, ISO-8601 (UTC when no zone); at most 90 days; --end defaults to now
  --regions         regions to read (us-east-1 is always read: global services log there);
                    default, or --all-regions: every region folder present
  --account         accounts whose logs to read (default: the principal's)
  --org-id          organization id of an organization trail (AWSLogs/o-.../ACCOUNT/...); default: found
                    in the logs' layout when AWSLogs/ACCOUNT/ is absent
  --endpoint-url    an S3-compatible endpoint (path-style addressing)
  --trail-arn       the trail's ARN, echoed in the result (default: derived from --logs)
  --s3-concurrency  S3 reads in flight at once (default 64, at most 1024)
  --no-placeholders every action on "*" instead of resource ARN templates
  --service-level   add a service-level template for services without action-level data
  --json            print the GetGeneratedPolicy-shaped result with evidence, stats and readSummary only
                    (several principals: one JSON object per line, per principal)

exit status: 0 done, 1 failure, 2 usage error, 3 no event of the principal in the logs read (the
policy is empty for that reason; stderr says what was read and the likely causes), 130 interrupted`;

export class UsageError extends Error {}

export interface GenerateArgs {
  request: ScanRequest;
  includeResourcePlaceholders: boolean;
  includeServiceLevelTemplate: boolean;
  json: boolean;
  trailArn: string;
  /** S3 reads in flight (runScan's s3InFlight) */
  s3InFlight?: number;
  /** several principals (--principal repeated, or --all-principals): read once, one result each */
  principals?: string[] | "all";
  help?: boolean;
}

/** Parses and checks every option; throws UsageError with a one-line reason (exit 2). */
export function parseGenerateArgs(argv: string[], now = new Date()): GenerateArgs {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        principal: { type: "string", multiple: true },
        "all-principals": { type: "boolean" },
        logs: { type: "string" },
        start: { type: "string" },
        end: { type: "string" },
        regions: { type: "string" },
        "all-regions": { type: "boolean" },
        account: { type: "string", multiple: true },
        "org-id": { type: "string" },
        "endpoint-url": { type: "string" },
        "trail-arn": { type: "string" },
        "s3-concurrency": { type: "string" },
        "no-placeholders": { type: "boolean" },
        "service-level": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  if (v.help) return { help: true } as GenerateArgs;
  const need = (name: string, value: string | undefined) => {
    if (value === undefined || value === "") throw new UsageError(`--${name} is required`);
    return value;
  };
  const listed = v.principal ?? [];
  if (v["all-principals"] && listed.length > 0) throw new UsageError("--principal and --all-principals exclude each other");
  if (v["all-principals"] && !v.account) throw new UsageError("--all-principals needs --account (whose roles and users)");
  const principalArn = v["all-principals"] ? `arn:aws:iam::${v.account![0].split(",")[0].trim()}:role/*` : need("principal", listed[0]);
  const logs = need("logs", v.logs);
  const startText = need("start", v.start);
  let principal;
  for (const arn of v["all-principals"] ? [] : listed) {
    try {
      principal = parsePrincipalArn(arn);
    } catch (e) {
      throw new UsageError(`--principal: ${isCoreError(e) ? e.message : (e as Error).message}`);
    }
  }
  const principals: string[] | "all" | undefined = v["all-principals"] ? "all" : listed.length > 1 ? listed : undefined;
  const account = principal?.accountId ?? principalArn.split(":")[4];
  const partition = principal?.partition ?? "aws";
  const start = parseIsoTime(startText);
  if (!start) throw new UsageError(`--start: "${startText}" is not an ISO-8601 time (e.g. 2024-05-01 or 2024-05-01T12:00:00Z)`);
  const end = v.end === undefined ? now : parseIsoTime(v.end);
  if (!end) throw new UsageError(`--end: "${v.end}" is not an ISO-8601 time`);
  try {
    validateWindow(start, end, { now });
  } catch (e) {
    throw new UsageError(isCoreError(e) ? e.message : (e as Error).message);
  }
  if (v.regions !== undefined && v["all-regions"]) throw new UsageError("--regions and --all-regions exclude each other");
  let regions: string[] | "all" = "all";
  if (v.regions !== undefined) {
    regions = v.regions
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
    if (regions.length === 0) throw new UsageError("--regions is empty");
    for (const r of regions) if (!isRegionName(r)) throw new UsageError(`--regions: "${r}" is not an AWS region name`);
  }
  const accounts = v.account?.flatMap((a) => a.split(",")).map((a) => a.trim());
  for (const a of accounts ?? []) if (!isAccountId(a)) throw new UsageError(`--account: "${a}" is not a 12-digit account id`);
  if (v["org-id"] !== undefined && !isOrgId(v["org-id"]))
    throw new UsageError(`--org-id: "${v["org-id"]}" is not an organization id (o-xxxxxxxxxx)`);
  const endpoint = v["endpoint-url"];
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint))
    throw new UsageError(`--endpoint-url: "${endpoint}" is not an http(s) URL`);
  const source = parseLogs(logs, endpoint);
  let s3InFlight: number | undefined;
  if (v["s3-concurrency"] !== undefined) {
    s3InFlight = Number(v["s3-concurrency"]);
    if (!Number.isInteger(s3InFlight) || s3InFlight < 1 || s3InFlight > 1024)
      throw new UsageError(`--s3-concurrency: "${v["s3-concurrency"]}" is not a whole number from 1 to 1024`);
    if (source.kind !== "s3") throw new UsageError("--s3-concurrency only applies to s3:// logs");
  }
  const where = source.kind === "s3" ? source.bucket : path.basename(source.dir);
  const trailArn =
    v["trail-arn"] ?? `arn:${partition}:cloudtrail:us-east-1:${account}:trail/${where.replace(/[^A-Za-z0-9._-]/g, "-") || "local"}`;
  return {
    request: { principalArn, window: { start, end }, source, regions, accounts, orgId: v["org-id"] },
    includeResourcePlaceholders: !v["no-placeholders"],
    includeServiceLevelTemplate: Boolean(v["service-level"]),
    json: Boolean(v.json),
    trailArn,
    s3InFlight,
    principals,
  };
}

function parseLogs(logs: string, endpoint: string | undefined): LogSource {
  if (logs.startsWith("s3://")) {
    const rest = logs.slice(5);
    const slash = rest.indexOf("/");
    const bucket = slash === -1 ? rest : rest.slice(0, slash);
    const prefix = slash === -1 ? "" : rest.slice(slash + 1);
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new UsageError(`--logs: "${bucket}" is not a valid S3 bucket name`);
    return { kind: "s3", bucket, prefix: prefix || undefined, endpoint };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(logs))
    throw new UsageError(`--logs: only local directories and s3:// URLs are supported (got ${logs})`);
  if (endpoint !== undefined) throw new UsageError("--endpoint-url only applies to s3:// logs");
  return { kind: "local", dir: path.resolve(logs) };
}
