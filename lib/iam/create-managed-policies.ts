// Creates one managed policy per document (a split policy becomes "<base>-1", "<base>-2", ...) and
// optionally attaches them to the role or user. All or nothing: when a step fails, what this call
// already created is detached and deleted again, and the error says so; if cleaning up fails too,
// the error lists exactly which policies still exist.
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { parsePrincipalArn } from "@/lib/core/arn";
import { CoreError } from "@/lib/core/errors";
import type { Principal } from "@/lib/core/types";
import { AppError, endSentence } from "@/lib/errors";
import { mapIamError } from "./map-iam-error";
import { checkPolicyInputs, policyNames } from "./policy-inputs";

export interface CreateManagedPoliciesOptions {
  entityArn: string;
  baseName: string;
  path?: string;
  description?: string;
  tags?: { key: string; value: string }[];
  documents: string[];
  attach: boolean;
}

export interface CreatedPolicy {
  name: string;
  arn: string;
  attached: boolean;
}

export async function createManagedPolicies(options: CreateManagedPoliciesOptions): Promise<{ policies: CreatedPolicy[] }> {
  const principal = parseEntity(options.entityArn);
  checkPolicyInputs(options);
  const names = policyNames(options.baseName, options.documents.length);
  const path = options.path ?? "/";
  const client = iamClient();
  await refuseExistingNames(client, principal, path, names);

  const done: CreatedPolicy[] = [];
  let step = { index: 0, name: names[0], action: "create" as "create" | "attach" };
  try {
    for (let i = 0; i < names.length; i++) {
      step = { index: i, name: names[i], action: "create" };
      const out = await client.send(
        new CreatePolicyCommand({
          PolicyName: names[i],
          Path: path,
          PolicyDocument: options.documents[i],
          Description: options.description || undefined,
          Tags: options.tags?.length ? options.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        }),
      );
      done.push({ name: names[i], arn: out.Policy!.Arn!, attached: false });
    }
    if (options.attach) {
      for (let i = 0; i < done.length; i++) {
        step = { index: i, name: names[i], action: "attach" };
        await attachPolicy(client, principal, done[i].arn);
        done[i].attached = true;
      }
    }
    return { policies: done };
  } catch (error) {
    const progress = names.length > 1 ? ` (${step.index + 1} of ${names.length})` : "";
    const what =
      step.action === "create"
        ? `create the policy "${step.name}"${progress}`
        : `attach the policy "${step.name}"${progress} to ${principal.name}`;
    const mapped = mapIamError(error, {
      doing: what,
      permission: step.action === "create" ? "iam:CreatePolicy" : `iam:Attach${principal.kind === "role" ? "Role" : "User"}Policy`,
    });
    const leftovers = await rollBack(client, principal, done);
    const aftermath =
      done.length === 0
        ? "Nothing was created."
        : leftovers.length === 0
          ? `Nothing was left behind: the ${done.length === 1 ? "policy" : `${done.length} policies`} created before the failure ${done.length === 1 ? "was" : "were"} removed again.`
          : `Cleaning up failed, so these still exist: ${leftovers.map((p) => `${p.arn}${p.attached ? ` (attached to ${principal.name})` : ""}`).join(", ")}. Delete them in IAM or retry with other names.`;
    throw new AppError(mapped.code, `${endSentence(mapped.userMessage)} ${aftermath}`, {
      status: mapped.status,
      field: mapped.field,
      cause: error,
      details: { ...mapped.details, failedStep: step, leftovers },
    });
  }
}

function parseEntity(arn: string): Principal {
  try {
    return parsePrincipalArn(arn, "entityArn");
  } catch (error) {
    if (error instanceof CoreError) throw new AppError("VALIDATION", error.message, { field: "entityArn" });
    throw error;
  }
}

async function attachPolicy(client: IAMClient, principal: Principal, policyArn: string): Promise<void> {
  if (principal.kind === "role") await client.send(new AttachRolePolicyCommand({ RoleName: principal.name, PolicyArn: policyArn }));
  else await client.send(new AttachUserPolicyCommand({ UserName: principal.name, PolicyArn: policyArn }));
}

async function detachPolicy(client: IAMClient, principal: Principal, policyArn: string): Promise<void> {
  if (principal.kind === "role") await client.send(new DetachRolePolicyCommand({ RoleName: principal.name, PolicyArn: policyArn }));
  else await client.send(new DetachUserPolicyCommand({ UserName: principal.name, PolicyArn: policyArn }));
}

/** Names are checked before anything is written so a taken name costs nothing to fix. */
async function refuseExistingNames(client: IAMClient, principal: Principal, path: string, names: string[]): Promise<void> {
  for (const name of names) {
    const arn = `arn:${principal.partition}:iam::${principal.accountId}:policy${path}${name}`;
    try {
      await client.send(new GetPolicyCommand({ PolicyArn: arn }));
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchEntityException") continue;
      // Not allowed to read policies (iam:GetPolicy): CreatePolicy will still refuse a taken name.
      if ((error as { name?: string }).name === "AccessDenied") continue;
      throw mapIamError(error, { doing: `check whether the name "${name}" is free`, permission: "iam:GetPolicy" });
    }
    throw new AppError(
      "CONFLICT",
      `A managed policy named "${name}" already exists in account ${principal.accountId}. Choose another name.`,
      { field: "name" },
    );
  }
}

async function rollBack(client: IAMClient, principal: Principal, done: CreatedPolicy[]): Promise<CreatedPolicy[]> {
  const leftovers: CreatedPolicy[] = [];
  for (const policy of [...done].reverse()) {
    try {
      if (policy.attached) {
        await detachPolicy(client, principal, policy.arn);
        policy.attached = false;
      }
      await client.send(new DeletePolicyCommand({ PolicyArn: policy.arn }));
    } catch {
      leftovers.push({ ...policy });
    }
  }
  return leftovers.reverse();
}
