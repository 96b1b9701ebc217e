// Deletes a customer managed policy as the IAM console does: refused while it is attached to any
// role, user or group (IAM's DeleteConflict, said before anything is deleted); otherwise its
// non-default versions first, then the policy with its default version.
import { DeletePolicyCommand, DeletePolicyVersionCommand, GetPolicyCommand, ListPolicyVersionsCommand } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { mapIamError } from "./map-iam-error";

export async function deleteManagedPolicy(options: { arn: string }): Promise<{ deleted: string; versionsDeleted: number }> {
  if (!/^arn:[^:]+:iam::\d{12}:policy\/.+/.test(options.arn)) {
    throw new AppError("VALIDATION", `"${options.arn}" is not a customer managed policy ARN (AWS managed policies cannot be deleted).`, {
      field: "arn",
    });
  }
  const client = iamClient();
  let step = `read the policy ${options.arn}`;
  try {
    const { Policy } = await client.send(new GetPolicyCommand({ PolicyArn: options.arn }));
    const count = Policy?.AttachmentCount ?? 0;
    if (count > 0) {
      throw new AppError(
        "CONFLICT",
        `${Policy?.PolicyName} is attached to ${count} ${count === 1 ? "entity" : "entities"}. Detach it from every role, user and group first: IAM refuses to delete an attached policy.`,
      );
    }
    const versions = (await client.send(new ListPolicyVersionsCommand({ PolicyArn: options.arn }))).Versions ?? [];
    let versionsDeleted = 0;
    for (const v of versions) {
      if (v.IsDefaultVersion) continue;
      step = `delete version ${v.VersionId} of ${Policy?.PolicyName}`;
      await client.send(new DeletePolicyVersionCommand({ PolicyArn: options.arn, VersionId: v.VersionId }));
      versionsDeleted++;
    }
    step = `delete the policy ${Policy?.PolicyName}`;
    await client.send(new DeletePolicyCommand({ PolicyArn: options.arn }));
    return { deleted: Policy?.PolicyName ?? options.arn, versionsDeleted };
  } catch (error) {
    throw mapIamError(error, {
      doing: step,
      permission: step.startsWith("read") ? "iam:GetPolicy" : step.includes("version") ? "iam:DeletePolicyVersion" : "iam:DeletePolicy",
    });
  }
}
