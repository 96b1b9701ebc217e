import type { CloudTrailRecord } from "./types";

const MAX_ARN_LENGTH = 2048;
const MAX_NODES = 500;
const MAX_DEPTH = 8;
// arn:partition:service:region:account:resource, where region/account may be empty.
const ARN_SHAPE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:\S+$/;

export function looksLikeArn(value: string): boolean {
  return value.length <= MAX_ARN_LENGTH && value.startsWith("arn:") && ARN_SHAPE.test(value);
}

/**
 * ARNs a record names: `resources[].ARN` and ARN-looking strings anywhere in requestParameters
 * (bounded walk: huge request bodies must not slow the scan down). Sorted, distinct.
 */
export function observedArns(record: CloudTrailRecord): string[] {
  const found = new Set<string>();
  if (Array.isArray(record.resources)) {
    for (const r of record.resources) {
      if (r && typeof r.ARN === "string" && looksLikeArn(r.ARN)) found.add(r.ARN);
    }
  }
  const params = record.requestParameters;
  if (params && typeof params === "object") {
    let budget = MAX_NODES;
    const walk = (value: unknown, depth: number): void => {
      if (budget-- <= 0) return;
      if (typeof value === "string") {
        if (looksLikeArn(value)) found.add(value);
      } else if (value && typeof value === "object" && depth < MAX_DEPTH) {
        const children = Array.isArray(value) ? value : Object.values(value);
        for (const child of children) walk(child, depth + 1);
      }
    };
    walk(params, 0);
  }
  return [...found].sort();
}
