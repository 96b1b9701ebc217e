import { parsePrincipalArn } from "../arn";
import type { CloudTrailRecord, UsageSummary } from "../types";
import { emptyUsage, UsageAccumulator } from "../usage";

/** A golden case: the input (records, or bare action names) and the options of the build. */
export interface GoldenCase {
  description: string;
  principalArn: string;
  window: { start: string; end: string };
  options: { includeResourcePlaceholders: boolean; includeServiceLevelTemplate: boolean };
  records?: CloudTrailRecord[];
  /** shortcut for large inputs: actions used once each, without resource evidence */
  actions?: string[];
  expected?: { isComplete: boolean; policies: unknown[] };
}

export function goldenUsage(c: GoldenCase): UsageSummary {
  const window = { start: new Date(c.window.start), end: new Date(c.window.end) };
  const acc = new UsageAccumulator(parsePrincipalArn(c.principalArn), window);
  for (const r of c.records ?? []) acc.add(r);
  const usage = c.records ? acc.summary() : emptyUsage(c.principalArn, window);
  for (const action of c.actions ?? []) {
    usage.actions[action] = {
      action,
      service: action.split(":")[0],
      calls: 1,
      firstSeen: c.window.start,
      lastSeen: c.window.start,
      regions: ["us-east-1"],
      eventNames: [action.split(":")[1]],
      sampleEventIds: [],
      resourceArns: [],
      dataEventsOnly: false,
    };
  }
  return usage;
}
