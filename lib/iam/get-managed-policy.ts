// One managed policy with its default document, versions, tags and the roles and users it is
// attached to (every page of ListEntitiesForPolicy).
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListEntitiesForPolicyCommand,
  ListPolicyVersionsCommand,
  type ListEntitiesForPolicyCommandOutput,
} from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { decodePolicyDocument } from "./decode-document";
import { policySummary, type ManagedPolicySummary } from "./list-policies";
import { mapIamError } from "./map-iam-error";

export interface ManagedPolicyDetail extends ManagedPolicySummary {
  document: string;
  awsManaged: boolean;
  attachedTo: { kind: "role" | "user" | "group"; name: string }[];
  tags: { key: string; value: string }[];
  versions: { versionId: string; isDefault: boolean; createdAt: string }[];
}

export async function getManagedPolicy(options: { arn: string }): Promise<ManagedPolicyDetail> {
  if (!/^arn:[^:]+:iam::(\d{12}|aws):policy\/.+/.test(options.arn)) {
    throw new AppError("VALIDATION", `"${options.arn}" is not a managed policy ARN.`, { field: "arn" });
  }
  const client = iamClient();
  try {
    const { Policy } = await client.send(new GetPolicyCommand({ PolicyArn: options.arn }));
    const summary = policySummary(Policy!);
    const [version, versions, entities] = await Promise.all([
      client.send(new GetPolicyVersionCommand({ PolicyArn: options.arn, VersionId: summary.defaultVersionId })),
      client.send(new ListPolicyVersionsCommand({ PolicyArn: options.arn })),
      allEntities(options.arn),
    ]);
    return {
      ...summary,
      awsManaged: /^arn:[^:]+:iam::aws:/.test(options.arn),
      document: decodePolicyDocument(version.PolicyVersion?.Document),
      tags: (Policy?.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
      versions: (versions.Versions ?? []).map((v) => ({
        versionId: v.VersionId ?? "",
        isDefault: !!v.IsDefaultVersion,
        createdAt: (v.CreateDate ?? new Date(0)).toISOString(),
      })),
      attachedTo: [
        ...entities.flatMap((e) => (e.PolicyRoles ?? []).map((r) => ({ kind: "role" as const, name: r.RoleName ?? "" }))),
        ...entities.flatMap((e) => (e.PolicyUsers ?? []).map((u) => ({ kind: "user" as const, name: u.UserName ?? "" }))),
        ...entities.flatMap((e) => (e.PolicyGroups ?? []).map((g) => ({ kind: "group" as const, name: g.GroupName ?? "" }))),
      ],
    };
  } catch (error) {
    throw mapIamError(error, { doing: `read the policy ${options.arn}`, permission: "iam:GetPolicy" });
  }

  async function allEntities(arn: string): Promise<ListEntitiesForPolicyCommandOutput[]> {
    const pages: ListEntitiesForPolicyCommandOutput[] = [];
    let marker: string | undefined;
    do {
      const page = await client.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, Marker: marker }));
      pages.push(page);
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return pages;
  }
}
