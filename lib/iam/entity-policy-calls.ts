// The per-kind IAM calls on a role's or user's policies (attach, detach, inline put/get/delete,
// listings), shared by the use cases that change an entity's permissions.
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { parsePrincipalArn } from "@/lib/core/arn";
import { CoreError } from "@/lib/core/errors";
import type { Principal } from "@/lib/core/types";
import { AppError } from "@/lib/errors";
import { collectPages } from "./collect-pages";
import { decodePolicyDocument } from "./decode-document";

export function parseEntityArn(arn: string, field = "entityArn"): Principal {
  try {
    return parsePrincipalArn(arn, field);
  } catch (error) {
    if (error instanceof CoreError) throw new AppError("VALIDATION", error.message, { field });
    throw error;
  }
}

const isRole = (p: Principal) => p.kind === "role";
export const verb = (p: Principal, what: "Attach" | "Detach" | "Put" | "Delete" | "Get" | "ListAttached" | "List") =>
  `iam:${what}${isRole(p) ? "Role" : "User"}Polic${what === "List" ? "ies" : what === "ListAttached" ? "ies" : "y"}`;

export async function attachManaged(client: IAMClient, p: Principal, policyArn: string): Promise<void> {
  if (isRole(p)) await client.send(new AttachRolePolicyCommand({ RoleName: p.name, PolicyArn: policyArn }));
  else await client.send(new AttachUserPolicyCommand({ UserName: p.name, PolicyArn: policyArn }));
}

export async function detachManaged(client: IAMClient, p: Principal, policyArn: string): Promise<void> {
  if (isRole(p)) await client.send(new DetachRolePolicyCommand({ RoleName: p.name, PolicyArn: policyArn }));
  else await client.send(new DetachUserPolicyCommand({ UserName: p.name, PolicyArn: policyArn }));
}

export async function putInline(client: IAMClient, p: Principal, name: string, document: string): Promise<void> {
  if (isRole(p)) await client.send(new PutRolePolicyCommand({ RoleName: p.name, PolicyName: name, PolicyDocument: document }));
  else await client.send(new PutUserPolicyCommand({ UserName: p.name, PolicyName: name, PolicyDocument: document }));
}

export async function deleteInline(client: IAMClient, p: Principal, name: string): Promise<void> {
  if (isRole(p)) await client.send(new DeleteRolePolicyCommand({ RoleName: p.name, PolicyName: name }));
  else await client.send(new DeleteUserPolicyCommand({ UserName: p.name, PolicyName: name }));
}

/** The inline policy's document as pretty JSON. */
export async function getInline(client: IAMClient, p: Principal, name: string): Promise<string> {
  const out = isRole(p)
    ? await client.send(new GetRolePolicyCommand({ RoleName: p.name, PolicyName: name }))
    : await client.send(new GetUserPolicyCommand({ UserName: p.name, PolicyName: name }));
  return decodePolicyDocument(out.PolicyDocument);
}

/** The attached managed policies (every page). */
export async function listAttached(client: IAMClient, p: Principal): Promise<{ name: string; arn: string }[]> {
  const items = await collectPages((m) =>
    isRole(p)
      ? client
          .send(new ListAttachedRolePoliciesCommand({ RoleName: p.name, Marker: m }))
          .then((o) => ({ items: o.AttachedPolicies ?? [], marker: o.IsTruncated ? o.Marker : undefined }))
      : client
          .send(new ListAttachedUserPoliciesCommand({ UserName: p.name, Marker: m }))
          .then((o) => ({ items: o.AttachedPolicies ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
  );
  return items.map((a) => ({ name: a.PolicyName ?? "", arn: a.PolicyArn ?? "" }));
}

/** The inline policy names (every page). */
export async function listInlineNames(client: IAMClient, p: Principal): Promise<string[]> {
  return collectPages((m) =>
    isRole(p)
      ? client
          .send(new ListRolePoliciesCommand({ RoleName: p.name, Marker: m }))
          .then((o) => ({ items: o.PolicyNames ?? [], marker: o.IsTruncated ? o.Marker : undefined }))
      : client
          .send(new ListUserPoliciesCommand({ UserName: p.name, Marker: m }))
          .then((o) => ({ items: o.PolicyNames ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
  );
}
