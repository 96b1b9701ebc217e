// The constraints real IAM enforces on names, paths, descriptions, tags and paging parameters, with
// its error codes and wording (values from the IAM API model and the IAM quotas page).
import { IamError, invalidInput, limitExceeded, validationError } from "./iam-error";

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^(\/|\/[\x21-\x7E]+\/)$/;
const PATH_PREFIX_PATTERN = /^\/[\x21-\x7E]*$/;
const DESCRIPTION_PATTERN = /^[\t\n\r\x20-\x7E\xA1-\xFF]*$/;
const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const VERSION_ID_PATTERN = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;
const POLICY_DOCUMENT_PATTERN = /^[\t\n\r\x20-\xFF]+$/;

export const MAX_TAGS_PER_RESOURCE = 50;

export function required(value: string | undefined, param: string): string {
  if (value === undefined) throw validationError(param, undefined, "Member must not be null");
  return value;
}

function checkLength(value: string, param: string, min: number, max: number): void {
  if (value.length < min) throw validationError(param, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw validationError(param, value, `Member must have length less than or equal to ${max}`);
}

function checkPattern(value: string, param: string, pattern: RegExp, shown: string): void {
  if (!pattern.test(value)) throw validationError(param, value, `Member must satisfy regular expression pattern: ${shown}`);
}

/** Role and user names: 1-64 characters of `[\w+=,.@-]`. Policy names: up to 128. */
export function checkName(value: string | undefined, param: string, max: 64 | 128): string {
  const name = required(value, param);
  checkLength(name, param, 1, max);
  checkPattern(name, param, NAME_PATTERN, "[\\w+=,.@-]+");
  return name;
}

export function checkPath(value: string | undefined, param = "path"): string {
  if (value === undefined) return "/";
  checkLength(value, param, 1, 512);
  checkPattern(value, param, PATH_PATTERN, "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
  return value;
}

export function checkPathPrefix(value: string | undefined, param = "pathPrefix"): string {
  if (value === undefined) return "/";
  checkLength(value, param, 1, 512);
  checkPattern(value, param, PATH_PREFIX_PATTERN, "\\u002F[\\u0021-\\u007E]*");
  return value;
}

export function checkDescription(value: string | undefined, param = "description"): string | undefined {
  if (value === undefined) return undefined;
  checkLength(value, param, 0, 1000);
  checkPattern(value, param, DESCRIPTION_PATTERN, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
  return value;
}

export function checkMaxItems(value: number | undefined): number {
  if (value === undefined) return 100;
  if (!Number.isInteger(value)) throw validationError("maxItems", String(value), "Member must be an integer");
  if (value < 1) throw validationError("maxItems", String(value), "Member must have value greater than or equal to 1");
  if (value > 1000) throw validationError("maxItems", String(value), "Member must have value less than or equal to 1000");
  return value;
}

export function checkVersionId(value: string | undefined): string {
  const id = required(value, "versionId");
  checkPattern(id, "versionId", VERSION_ID_PATTERN, "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
  return id;
}

export function checkPolicyArn(value: string | undefined): string {
  const arn = required(value, "policyArn");
  checkLength(arn, "policyArn", 20, 2048);
  if (!/^arn:[^:]+:iam::(\d{12}|aws):policy\/(.+\/)?[\w+=,.@-]+$/.test(arn)) {
    throw invalidInput(`ARN ${arn} is not valid.`);
  }
  return arn;
}

/** Syntactic constraint of the model; the content rules are in policy-document.ts. */
export function checkPolicyDocumentText(value: string | undefined, param = "policyDocument"): string {
  const doc = required(value, param);
  checkLength(doc, param, 1, 131072);
  checkPattern(doc, param, POLICY_DOCUMENT_PATTERN, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
  return doc;
}

export interface Tag {
  Key: string;
  Value: string;
}

export function checkTags(tags: Tag[] | undefined, param = "tags"): Tag[] {
  if (!tags) return [];
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw validationError(param, undefined, `Member must have length less than or equal to ${MAX_TAGS_PER_RESOURCE}`);
  }
  const seen = new Set<string>();
  tags.forEach((tag, i) => {
    const at = `${param}.${i + 1}.member`;
    checkLength(tag.Key, `${at}.key`, 1, 128);
    checkPattern(tag.Key, `${at}.key`, TAG_KEY_PATTERN, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    checkLength(tag.Value, `${at}.value`, 0, 256);
    checkPattern(tag.Value, `${at}.value`, TAG_VALUE_PATTERN, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    if (tag.Key.toLowerCase().startsWith("aws:")) {
      throw invalidInput(`User-defined tag keys can't start with "aws:". "${tag.Key}" is reserved.`);
    }
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) throw invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    seen.add(lower);
  });
  return tags;
}

/** Tags replace existing values with the same (case-insensitive) key; a resource keeps at most 50. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key.toLowerCase(), t]));
  for (const tag of added) byKey.set(tag.Key.toLowerCase(), tag);
  const merged = [...byKey.values()];
  if (merged.length > MAX_TAGS_PER_RESOURCE) {
    throw limitExceeded(`The number of tags has reached the maximum limit of ${MAX_TAGS_PER_RESOURCE}.`);
  }
  return merged;
}

export function isIamError(error: unknown): error is IamError {
  return error instanceof IamError;
}
