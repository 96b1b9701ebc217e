import type { CloudTrailRecord } from "./types";

const MAX_ARN_LENGTH = 2048;
const MAX_NODES = 500;
const MAX_DEPTH = 8;
// arn:partition:service:region:account:resource, where region/account may be empty.
// The resource part may hold spaces (S3 keys) but no control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what the shape refuses
const ARN_SHAPE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:[^\x00-\x1f]+$/;

export function looksLikeArn(value: string): boolean {
  return value.length <= MAX_ARN_LENGTH && value.startsWith("arn:") && ARN_SHAPE.test(value);
}

/**
 * ARNs a record names: `resources[].ARN` and ARN-looking strings anywhere in requestParameters
 * (bounded walk: huge request bodies must not slow the scan down). May hold duplicates; callers
 * insert them into sorted, de-duplicated lists. Runs for every matched record, hence the plain loops.
 */
export function observedArns(record: CloudTrailRecord): string[] {
  const found: string[] = [];
  const resources = record.resources;
  if (Array.isArray(resources)) {
    for (let i = 0; i < resources.length; i++) {
      const arn = resources[i]?.ARN;
      if (typeof arn === "string" && looksLikeArn(arn)) found.push(arn);
    }
  }
  const params = record.requestParameters;
  if (params && typeof params === "object") walk(params, 0, { budget: MAX_NODES, found });
  return found;
}

/**
 * The bounded walk of observedArns, a module-level function: a closure made per record costs an
 * allocation, and under tsx (the CLI) a name-keeping wrapper call, on every matched record.
 */
function walk(value: unknown, depth: number, state: { budget: number; found: string[] }): void {
  if (--state.budget <= 0) return;
  if (typeof value === "string") {
    if (value.charCodeAt(0) === 97 /* a */ && looksLikeArn(value)) state.found.push(value);
  } else if (value !== null && typeof value === "object" && depth < MAX_DEPTH) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) walk(value[i], depth + 1, state);
    else for (const key in value) walk((value as Record<string, unknown>)[key], depth + 1, state);
  }
}
