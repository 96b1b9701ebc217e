import { parseArn } from "./arn";
import { optionalTemplates, resolvePartition, templateRegex } from "./arn-template";
import { getActionInfo, getResourceType, type ActionInfo } from "./catalog";
import { serviceReferenceResources } from "./operation-map";
import { splitPolicyDocument } from "./policy-split";
import type { ActionEvidence, GeneratedPolicy, PolicyBuildOptions, UsageSummary } from "./types";

export { MANAGED_POLICY_MAX_CHARS, policyLength, splitPolicyDocument } from "./policy-split";

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string | string[];
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

/**
 * The condition that keeps a service-level template inert until someone reviews it: no request
 * ever names this region, so the statement grants nothing while it is present (and a request
 * without the key does not match either). Valid IAM; the reviewer replaces `<service>:*` with the
 * actions they choose and deletes the condition.
 */
export const SERVICE_LEVEL_REVIEW_CONDITION = { StringEquals: { "aws:RequestedRegion": "leastwise-review-required" } };
export const SERVICE_LEVEL_SID_PREFIX = "ServiceLevelTemplateSid";
export const SUPPORTED_SID_PREFIX = "SupportedServiceSid";

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const actionValue = (actions: string[]): string | string[] => (actions.length === 1 ? actions[0] : actions);

/**
 * The ARN templates an action goes under: its required resource types; when it has none but lists
 * optional ones, the optional types that the observed resource ARNs prove were used, provided every
 * call named such a resource (s3:GetObject seen on objects goes under the object template, while
 * DescribeStacks called once without a stack name stays on "*"); otherwise none ("*").
 */
export function actionResourceTemplates(
  info: ActionInfo,
  partition: string,
  observedArns: readonly string[] = [],
  unscopedCalls = 0,
): string[] {
  const templates = new Set<string>();
  // Where AWS's Service Reference lists other resource types for the action than the catalog (the
  // identitystore Region actions list none, kinesis tagging no "channel"), the policy follows AWS.
  const sr = serviceReferenceResources(info.name);
  const required = info.resourceTypes.filter((r) => r.required && (!sr || sr.includes(r.name.toLowerCase())));
  if (required.length > 0) {
    for (const r of required) {
      const type = getResourceType(info.service, r.name);
      if (type) templates.add(resolvePartition(type.arn, partition));
    }
    return [...templates].sort(byteOrder);
  }
  if (unscopedCalls > 0) return [];
  for (const template of optionalTemplates(info, partition)) {
    const re = templateRegex(template);
    if (observedArns.some((arn) => re.test(arn))) templates.add(template);
  }
  return [...templates].sort(byteOrder);
}

function partitionOf(principalArn: string): string {
  return parseArn(principalArn)?.partition ?? "aws";
}

/** The whole generated policy as one document (before splitting), plus isComplete. */
export function buildPolicyDocument(usage: UsageSummary, opts: PolicyBuildOptions): { document: PolicyDocument; isComplete: boolean } {
  const partition = partitionOf(usage.principalArn);
  const wildcard = new Set<string>();
  const byTemplate = new Map<string, Set<string>>();
  let allKnown = true;
  for (const evidence of Object.values(usage.actions) as ActionEvidence[]) {
    const info = getActionInfo(evidence.action);
    if (!info) {
      allKnown = false; // the catalog no longer knows it: never emit an unknown name
      continue;
    }
    const templates = opts.includeResourcePlaceholders
      ? actionResourceTemplates(info, partition, evidence.resourceArns, evidence.unscopedCalls ?? 0)
      : [];
    if (templates.length === 0) wildcard.add(info.name);
    for (const t of templates) {
      let set = byTemplate.get(t);
      if (!set) byTemplate.set(t, (set = new Set()));
      set.add(info.name);
    }
  }
  const statements: PolicyStatement[] = [];
  const supported = (actions: string[], resource: string) =>
    statements.push({
      Sid: `${SUPPORTED_SID_PREFIX}${statements.length}`,
      Effect: "Allow",
      Action: actionValue(actions),
      Resource: resource,
    });
  if (wildcard.size > 0) supported([...wildcard].sort(byteOrder), "*");
  for (const template of [...byTemplate.keys()].sort(byteOrder)) supported([...byTemplate.get(template)!].sort(byteOrder), template);
  if (opts.includeServiceLevelTemplate) {
    Object.keys(usage.serviceLevel)
      .sort(byteOrder)
      .forEach((service, i) => {
        statements.push({
          Sid: `${SERVICE_LEVEL_SID_PREFIX}${i}`,
          Effect: "Allow",
          Action: `${service}:*`,
          Resource: "*",
          Condition: structuredClone(SERVICE_LEVEL_REVIEW_CONDITION),
        });
      });
  }
  const isComplete = allKnown && Object.keys(usage.unmapped).length === 0 && Object.keys(usage.serviceLevel).length === 0;
  return { document: { Version: "2012-10-17", Statement: statements }, isComplete };
}

/**
 * The policies GetGeneratedPolicy returns: the document in the generated format, split when longer
 * than 6,144 characters without white space, each serialized compactly. No policy when nothing
 * was used. `isComplete`: every event the principal made that needs a permission was mapped to a
 * known action (no unmapped events, no service known only at service level).
 */
export function buildGeneratedPolicies(
  usage: UsageSummary,
  opts: PolicyBuildOptions,
): { policies: GeneratedPolicy[]; isComplete: boolean } {
  const { document, isComplete } = buildPolicyDocument(usage, opts);
  if (document.Statement.length === 0) return { policies: [], isComplete };
  const policies = splitPolicyDocument(document).map((doc) => ({ policy: JSON.stringify(doc) }));
  return { policies, isComplete };
}
