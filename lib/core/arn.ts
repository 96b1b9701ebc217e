import { CoreError } from "./errors";
import type { Principal } from "./types";

/** Patterns of the Access Analyzer API model (anchored: the whole value must match). */
export const PRINCIPAL_ARN_PATTERN = /^arn:[^:]*:iam::[^:]*:(role|user)\/.{1,576}$/s;
export const ACCESS_ROLE_ARN_PATTERN = /^arn:[^:]*:iam::[^:]*:role\/.{1,576}$/s;
export const TRAIL_ARN_PATTERN = /^arn:[^:]*:cloudtrail:[^:]*:[^:]*:trail\/.{1,576}$/s;

export const KNOWN_PARTITIONS = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"] as const;

const ACCOUNT_ID = /^\d{12}$/;
// IAM: a name is 1-64 of [\w+=,.@-]; a path is "/" or "/segments/" of printable ASCII, <= 512.
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const IAM_PATH_BODY = /^[\x21-\x7e]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** Splits any ARN into its six parts; null when it is not `arn:p:s:r:a:resource`. */
export function parseArn(value: string): ParsedArn | null {
  if (typeof value !== "string" || !value.startsWith("arn:")) return null;
  const parts = value.split(":");
  if (parts.length < 6) return null;
  const [, partition, service, region, accountId] = parts;
  const resource = parts.slice(5).join(":");
  if (!partition || !service || !resource) return null;
  return { partition, service, region, accountId, resource };
}

function fail(reason: string, field: string): never {
  throw new CoreError("INVALID_ARN", reason, { field });
}

function checkCommon(arn: string, field: string, what: string): void {
  if (typeof arn !== "string" || arn.length === 0) fail(`The ${what} ARN is empty.`, field);
  if (arn !== arn.trim()) fail(`The ${what} ARN has leading or trailing white space.`, field);
  if (/\s/.test(arn)) fail(`The ${what} ARN contains white space.`, field);
  if (!arn.startsWith("arn:")) fail(`The ${what} ARN must start with "arn:" (got "${truncate(arn)}").`, field);
}

function checkPartition(partition: string, field: string): void {
  if (!(KNOWN_PARTITIONS as readonly string[]).includes(partition)) {
    fail(`Unknown partition "${partition}": expected one of ${KNOWN_PARTITIONS.join(", ")}.`, field);
  }
}

function checkAccount(accountId: string, field: string): void {
  if (!ACCOUNT_ID.test(accountId)) fail(`The account ID "${accountId}" must be exactly 12 digits.`, field);
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * Parses the ARN of an IAM role or user, the principal of a generation. Throws CoreError
 * INVALID_ARN with a reason a person can act on (the API's own pattern is checked first, then the
 * stricter IAM rules: known partition, 12-digit account, valid path and name).
 */
export function parsePrincipalArn(arn: string, field = "principalArn"): Principal {
  checkCommon(arn, field, "principal");
  const parsed = parseArn(arn);
  if (!parsed) fail(`"${truncate(arn)}" is not an ARN (expected arn:PARTITION:iam::ACCOUNT:role/NAME).`, field);
  if (parsed.service === "sts" && parsed.resource.startsWith("assumed-role/")) {
    const [, roleName] = parsed.resource.split("/");
    fail(
      `This is a role session ARN; use the role's ARN instead: arn:${parsed.partition}:iam::${parsed.accountId}:role/${roleName ?? "NAME"} (with its path, if any).`,
      field,
    );
  }
  if (parsed.service !== "iam") fail(`The principal must be an IAM role or user; "${parsed.service}" ARNs are not principals.`, field);
  if (parsed.region !== "") fail(`IAM ARNs have no region (got "${parsed.region}").`, field);
  checkPartition(parsed.partition, field);
  checkAccount(parsed.accountId, field);
  const slash = parsed.resource.indexOf("/");
  const type = slash < 0 ? parsed.resource : parsed.resource.slice(0, slash);
  if (type !== "role" && type !== "user") {
    fail(`The principal must be a role or a user (arn:...:role/NAME or arn:...:user/NAME); got "${type}".`, field);
  }
  const nameWithPath = parsed.resource.slice(slash + 1);
  if (nameWithPath.length === 0) fail(`The ${type} name is missing.`, field);
  if (!PRINCIPAL_ARN_PATTERN.test(arn)) fail(`The ${type} path and name are longer than 576 characters.`, field);
  const segments = nameWithPath.split("/");
  const name = segments[segments.length - 1];
  const path = `/${segments.slice(0, -1).join("/")}${segments.length > 1 ? "/" : ""}`;
  if (!IAM_NAME.test(name)) {
    fail(`The ${type} name "${truncate(name)}" is invalid: 1-64 characters of letters, digits and +=,.@_- .`, field);
  }
  if (path.length > 512 || !IAM_PATH_BODY.test(path) || segments.slice(0, -1).some((s) => s === "")) {
    fail(`The ${type} path "${truncate(path)}" is invalid: "/segment/.../" of printable characters, at most 512.`, field);
  }
  if (name.includes("*") || path.includes("*")) fail("Wildcards are not allowed in a principal ARN.", field);
  return { arn, partition: parsed.partition, accountId: parsed.accountId, kind: type, nameWithPath, name };
}

/** Parses a role ARN (e.g. the service role a generation reads the trail with). */
export function parseRoleArn(arn: string, field = "accessRole"): Principal {
  const principal = parsePrincipalArn(arn, field);
  if (principal.kind !== "role") fail(`Expected a role ARN (arn:...:iam::ACCOUNT:role/NAME), got a ${principal.kind}.`, field);
  return principal;
}

/** A human reason why the ARN is not a valid principal ARN, or null when it is. */
export function principalArnProblem(arn: string): string | null {
  try {
    parsePrincipalArn(arn);
    return null;
  } catch (error) {
    if (error instanceof CoreError) return error.message;
    throw error;
  }
}

export interface TrailArn {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

/** Parses a CloudTrail trail ARN; throws CoreError INVALID_ARN with the reason. */
export function parseTrailArn(arn: string, field = "cloudTrailArn"): TrailArn {
  checkCommon(arn, field, "trail");
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== "cloudtrail" || !TRAIL_ARN_PATTERN.test(arn)) {
    fail(`"${truncate(arn)}" is not a trail ARN (expected arn:PARTITION:cloudtrail:REGION:ACCOUNT:trail/NAME).`, field);
  }
  checkPartition(parsed.partition, field);
  if (!REGION.test(parsed.region)) fail(`The trail ARN's region "${parsed.region}" is not a region name (e.g. us-east-1).`, field);
  checkAccount(parsed.accountId, field);
  const name = parsed.resource.slice("trail/".length);
  if (!TRAIL_NAME.test(name) || /[._-]{2}/.test(name)) {
    fail(
      `The trail name "${truncate(name)}" is invalid: 3-128 letters, digits, periods, underscores or hyphens, starting and ending with a letter or digit, without adjacent punctuation.`,
      field,
    );
  }
  return { partition: parsed.partition, region: parsed.region, accountId: parsed.accountId, name };
}

export function isValidTrailArn(arn: string): boolean {
  try {
    parseTrailArn(arn);
    return true;
  } catch (error) {
    if (error instanceof CoreError) return false;
    throw error;
  }
}
