// One role or user with everything the console's entity page shows: path, ARN, creation date, last
// activity, tags, the attached managed policies with their default documents, inline policy names,
// and for roles the trust policy.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  type AttachedPolicy,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { parsePrincipalArn } from "@/lib/core/arn";
import { CoreError } from "@/lib/core/errors";
import { AppError } from "@/lib/errors";
import { collectPages } from "./collect-pages";
import { decodePolicyDocument } from "./decode-document";
import { roleSummary } from "./list-roles";
import { userSummary } from "./list-users";
import { mapIamError } from "./map-iam-error";
import type { AttachedPolicyDetail, EntityDetail } from "./types";

export async function getEntity(options: { arn: string; withDocuments?: boolean }): Promise<EntityDetail> {
  let principal;
  try {
    principal = parsePrincipalArn(options.arn);
  } catch (error) {
    if (error instanceof CoreError) throw new AppError("VALIDATION", error.message, { field: "arn" });
    throw error;
  }
  const client = iamClient();
  const name = principal.name;
  const withDocuments = options.withDocuments ?? true;
  try {
    if (principal.kind === "role") {
      const [role, attached, inline] = await Promise.all([
        client.send(new GetRoleCommand({ RoleName: name })),
        collectPages((m) =>
          client
            .send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker: m }))
            .then((o) => ({ items: o.AttachedPolicies ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
        ),
        collectPages((m) =>
          client
            .send(new ListRolePoliciesCommand({ RoleName: name, Marker: m }))
            .then((o) => ({ items: o.PolicyNames ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
        ),
      ]);
      const r = role.Role!;
      return {
        ...roleSummary(r),
        tags: (r.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
        attachedPolicies: await policyDetails(client, attached, withDocuments),
        inlinePolicyNames: inline,
        trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
      };
    }
    const [user, attached, inline] = await Promise.all([
      client.send(new GetUserCommand({ UserName: name })),
      collectPages((m) =>
        client
          .send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker: m }))
          .then((o) => ({ items: o.AttachedPolicies ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
      ),
      collectPages((m) =>
        client
          .send(new ListUserPoliciesCommand({ UserName: name, Marker: m }))
          .then((o) => ({ items: o.PolicyNames ?? [], marker: o.IsTruncated ? o.Marker : undefined })),
      ),
    ]);
    const u = user.User!;
    return {
      ...userSummary(u),
      tags: (u.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
      attachedPolicies: await policyDetails(client, attached, withDocuments),
      inlinePolicyNames: inline,
    };
  } catch (error) {
    throw mapIamError(error, {
      doing: `read the ${principal.kind} ${name}`,
      permission: principal.kind === "role" ? "iam:GetRole" : "iam:GetUser",
    });
  }
}

async function policyDetails(client: IAMClient, attached: AttachedPolicy[], withDocuments: boolean): Promise<AttachedPolicyDetail[]> {
  return Promise.all(
    attached.map(async (p) => {
      const arn = p.PolicyArn ?? "";
      const detail: AttachedPolicyDetail = { name: p.PolicyName ?? "", arn, awsManaged: /^arn:[^:]+:iam::aws:/.test(arn) };
      if (!withDocuments) return detail;
      const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
      const versionId = policy.Policy?.DefaultVersionId;
      if (!versionId) return detail;
      const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
      return { ...detail, defaultVersionId: versionId, document: decodePolicyDocument(version.PolicyVersion?.Document) };
    }),
  );
}
