// Replaces a role's or user's broad policies: attaches the new policies first (when they are not
// attached yet), then detaches the chosen managed policies and deletes the chosen inline ones.
// Attach before detach, and a failure half-way puts back what this call already removed, so the
// entity never ends with fewer permissions than it had. Returns exactly what was done, with the
// deleted inline documents, so the change can be undone (restoreEntityPolicies).
import type { IAMClient } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import type { Principal } from "@/lib/core/types";
import { AppError } from "@/lib/errors";
import {
  attachManaged,
  deleteInline,
  detachManaged,
  getInline,
  listAttached,
  listInlineNames,
  parseEntityArn,
  putInline,
  verb,
} from "./entity-policy-calls";
import { mapIamError } from "./map-iam-error";

export interface ReplaceEntityPoliciesOptions {
  entityArn: string;
  /** the policies that replace the old ones; attached first when they are not yet */
  keepPolicyArns: string[];
  detachPolicyArns: string[];
  deleteInlineNames: string[];
}

export interface EntityPolicySnapshot {
  managed: { name: string; arn: string }[];
  inline: string[];
}

export interface ReplacementDone {
  previous: EntityPolicySnapshot;
  /** of keepPolicyArns, the ones this call attached */
  attached: string[];
  detached: { name: string; arn: string }[];
  deletedInline: { name: string; document: string }[];
}

export async function replaceEntityPolicies(options: ReplaceEntityPoliciesOptions): Promise<ReplacementDone> {
  const p = parseEntityArn(options.entityArn);
  const keep = [...new Set(options.keepPolicyArns)];
  const detach = [...new Set(options.detachPolicyArns)];
  const inlineNames = [...new Set(options.deleteInlineNames)];
  if (keep.length === 0)
    throw new AppError(
      "VALIDATION",
      "Choose the new policy that replaces the old ones: removing policies without a replacement is not what Replace does.",
      { field: "keep" },
    );
  if (detach.length + inlineNames.length === 0)
    throw new AppError("VALIDATION", "Choose at least one policy to detach or delete.", { field: "detach" });
  const both = detach.filter((a) => keep.includes(a));
  if (both.length) throw new AppError("VALIDATION", `${both.join(", ")} cannot be both kept and detached.`, { field: "detach" });

  const client = iamClient();
  let previous: EntityPolicySnapshot;
  const inlineDocs = new Map<string, string>();
  try {
    const [managed, inline] = await Promise.all([listAttached(client, p), listInlineNames(client, p)]);
    previous = { managed, inline };
    for (const name of inlineNames) {
      if (!inline.includes(name))
        throw new AppError("VALIDATION", `${p.name} has no inline policy named "${name}" (any more). Reload the page.`, {
          field: "detach",
        });
      inlineDocs.set(name, await getInline(client, p, name));
    }
  } catch (error) {
    throw mapIamError(error, { doing: `read the policies of ${p.name}`, permission: verb(p, "ListAttached") });
  }
  const detached: { name: string; arn: string }[] = [];
  for (const arn of detach) {
    const found = previous.managed.find((m) => m.arn === arn);
    if (!found) throw new AppError("VALIDATION", `${arn} is not attached to ${p.name} (any more). Reload the page.`, { field: "detach" });
  }

  const attached: string[] = [];
  for (const arn of keep) {
    if (previous.managed.some((m) => m.arn === arn)) continue;
    try {
      await attachManaged(client, p, arn);
      attached.push(arn);
    } catch (error) {
      const mapped = mapIamError(error, { doing: `attach ${arn} to ${p.name}`, permission: verb(p, "Attach") });
      throw new AppError(mapped.code, `${mapped.userMessage} Nothing was detached or deleted.`, { status: mapped.status, cause: error });
    }
  }

  const deletedInline: { name: string; document: string }[] = [];
  let step = "";
  try {
    for (const arn of detach) {
      step = `detach ${arn} from ${p.name}`;
      await detachManaged(client, p, arn);
      detached.push(previous.managed.find((m) => m.arn === arn)!);
    }
    for (const name of inlineNames) {
      step = `delete the inline policy "${name}" of ${p.name}`;
      await deleteInline(client, p, name);
      deletedInline.push({ name, document: inlineDocs.get(name)! });
    }
  } catch (error) {
    const mapped = mapIamError(error, { doing: step, permission: step.startsWith("detach") ? verb(p, "Detach") : verb(p, "Delete") });
    const missing = await putBack(client, p, detached, deletedInline);
    const aftermath =
      detached.length + deletedInline.length === 0
        ? "Nothing had been removed yet."
        : missing.length === 0
          ? `What had been removed before the failure was put back: ${[...detached.map((d) => d.name), ...deletedInline.map((d) => `${d.name} (inline)`)].join(", ")}.`
          : `Putting back failed for ${missing.join(", ")}: attach or re-create ${missing.length === 1 ? "it" : "them"} in IAM.`;
    const kept = attached.length ? ` The new ${attached.length === 1 ? "policy stays" : "policies stay"} attached.` : "";
    throw new AppError(mapped.code, `${mapped.userMessage} ${aftermath}${kept}`, {
      status: mapped.status,
      cause: error,
      details: { ...mapped.details, missing, failedStep: step },
    });
  }
  return { previous, attached, detached, deletedInline };
}

/** Re-attaches and re-creates; returns the names it could not put back. */
async function putBack(
  client: IAMClient,
  p: Principal,
  detached: { name: string; arn: string }[],
  deletedInline: { name: string; document: string }[],
): Promise<string[]> {
  const missing: string[] = [];
  for (const d of [...deletedInline].reverse()) {
    try {
      await putInline(client, p, d.name, d.document);
    } catch {
      missing.push(`${d.name} (inline)`);
    }
  }
  for (const d of [...detached].reverse()) {
    try {
      await attachManaged(client, p, d.arn);
    } catch {
      missing.push(d.name);
    }
  }
  return missing;
}

/**
 * Undo: re-attaches the detached managed policies and re-creates the deleted inline ones with their
 * documents. Refuses (changing nothing) when an inline policy of that name exists again with another
 * document, or a detached policy no longer exists.
 */
export async function restoreEntityPolicies(options: {
  entityArn: string;
  attachPolicyArns: string[];
  inline: { name: string; document: string }[];
}): Promise<{ attached: string[]; recreated: string[] }> {
  const p = parseEntityArn(options.entityArn);
  const client = iamClient();
  try {
    const current = await listInlineNames(client, p);
    for (const d of options.inline) {
      if (!current.includes(d.name)) continue;
      const now = await getInline(client, p, d.name);
      if (JSON.stringify(JSON.parse(now)) !== JSON.stringify(JSON.parse(d.document))) {
        throw new AppError(
          "CONFLICT",
          `${p.name} has an inline policy "${d.name}" again, with another document. Nothing was changed: rename or delete it in IAM first.`,
        );
      }
    }
  } catch (error) {
    throw mapIamError(error, { doing: `read the inline policies of ${p.name}`, permission: verb(p, "Get") });
  }
  const attached: string[] = [];
  const recreated: string[] = [];
  let step = "";
  try {
    for (const arn of options.attachPolicyArns) {
      step = `re-attach ${arn} to ${p.name}`;
      await attachManaged(client, p, arn);
      attached.push(arn);
    }
    for (const d of options.inline) {
      step = `re-create the inline policy "${d.name}" of ${p.name}`;
      await putInline(client, p, d.name, d.document);
      recreated.push(d.name);
    }
  } catch (error) {
    const mapped = mapIamError(error, { doing: step, permission: step.includes("inline") ? verb(p, "Put") : verb(p, "Attach") });
    const done = [...attached, ...recreated.map((n) => `${n} (inline)`)];
    throw new AppError(
      mapped.code,
      `${mapped.userMessage}${done.length ? ` Already put back: ${done.join(", ")}.` : " Nothing was put back."}`,
      { status: mapped.status, cause: error },
    );
  }
  return { attached, recreated };
}
