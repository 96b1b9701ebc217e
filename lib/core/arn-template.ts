import { getResourceType, type ActionInfo } from "./catalog";

/**
 * ARN templates of the IAM catalog ("arn:${Partition}:s3:::${BucketName}/${ObjectName}").
 */

const VARIABLE = /\$\{([^}]*)\}/g;

/** The template with ${Partition} resolved; every other variable stays a placeholder. */
export function resolvePartition(template: string, partition: string): string {
  return template.replace(/\$\{Partition\}/g, partition);
}

/** Variable names in a template or policy text, in order of appearance (duplicates kept). */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]);
}

// Variables whose values may contain "/" (object keys, IAM paths, SSM parameter names, ECR
// repositories); names that may contain "/" but never ":" (log groups and streams, secrets); the
// others are single path segments.
const MULTI_SEGMENT = /(Path|ObjectName|Key|Prefix|WithoutLeadingSlash|RepositoryName)$/;
const NO_COLON = /^(LogGroupName|LogStreamName|SecretId)$/;

const regexCache = new Map<string, RegExp>();

/** A regex matching the concrete ARNs the template describes (variables as wildcards). */
export function templateRegex(template: string): RegExp {
  let re = regexCache.get(template);
  if (!re) {
    let source = "^";
    let last = 0;
    for (const m of template.matchAll(VARIABLE)) {
      source += escape(template.slice(last, m.index));
      const name = m[1];
      source +=
        name === "Region"
          ? "[a-z0-9-]*"
          : name === "Account"
            ? "(\\d{12}|aws)?"
            : NO_COLON.test(name)
              ? "[^:]+"
              : MULTI_SEGMENT.test(name)
                ? ".+"
                : "[^/]+";
      last = (m.index ?? 0) + m[0].length;
    }
    source += `${escape(template.slice(last))}$`;
    re = new RegExp(source);
    regexCache.set(template, re);
  }
  return re;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const optionalCache = new Map<string, string[]>();

/**
 * ARN templates (partition resolved) of an action's resource types when *all* of them are optional,
 * [] otherwise (an action with a required type is always scoped by that type).
 */
export function optionalTemplates(info: ActionInfo, partition: string): string[] {
  const key = `${partition}\u0000${info.name}`;
  let out = optionalCache.get(key);
  if (!out) {
    out = [];
    if (info.resourceTypes.length > 0 && !info.resourceTypes.some((r) => r.required)) {
      for (const r of info.resourceTypes) {
        const type = getResourceType(info.service, r.name);
        if (type) out.push(resolvePartition(type.arn, partition));
      }
    }
    optionalCache.set(key, out);
  }
  return out;
}

/** Whether any of the ARNs fits any of the templates. */
export function anyArnFits(templates: readonly string[], arns: readonly string[]): boolean {
  for (const t of templates) {
    const re = templateRegex(t);
    for (const arn of arns) if (re.test(arn)) return true;
  }
  return false;
}
