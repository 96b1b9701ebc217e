// One customer managed policy with its default document and the roles and users it is attached to.
import { GetPolicyCommand, GetPolicyVersionCommand, ListEntitiesForPolicyCommand } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { decodePolicyDocument } from "./decode-document";
import { policySummary, type ManagedPolicySummary } from "./list-policies";
import { mapIamError } from "./map-iam-error";

export interface ManagedPolicyDetail extends ManagedPolicySummary {
  document: string;
  attachedTo: { kind: "role" | "user"; name: string }[];
}

export async function getManagedPolicy(options: { arn: string }): Promise<ManagedPolicyDetail> {
  if (!/^arn:[^:]+:iam::(\d{12}|aws):policy\/.+/.test(options.arn)) {
    throw new AppError("VALIDATION", `"${options.arn}" is not a managed policy ARN.`, { field: "arn" });
  }
  const client = iamClient();
  try {
    const { Policy } = await client.send(new GetPolicyCommand({ PolicyArn: options.arn }));
    const summary = policySummary(Policy!);
    const [version, entities] = await Promise.all([
      client.send(new GetPolicyVersionCommand({ PolicyArn: options.arn, VersionId: summary.defaultVersionId })),
      client.send(new ListEntitiesForPolicyCommand({ PolicyArn: options.arn })),
    ]);
    return {
      ...summary,
      document: decodePolicyDocument(version.PolicyVersion?.Document),
      attachedTo: [
        ...(entities.PolicyRoles ?? []).map((r) => ({ kind: "role" as const, name: r.RoleName ?? "" })),
        ...(entities.PolicyUsers ?? []).map((u) => ({ kind: "user" as const, name: u.UserName ?? "" })),
      ],
    };
  } catch (error) {
    throw mapIamError(error, { doing: `read the policy ${options.arn}`, permission: "iam:GetPolicy" });
  }
}
