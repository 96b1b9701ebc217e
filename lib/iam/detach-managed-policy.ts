// Detaches one managed policy from a role or user (the policy page's "Detach").
import { iamClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { detachManaged, parseEntityArn, verb } from "./entity-policy-calls";
import { mapIamError } from "./map-iam-error";

export async function detachManagedPolicy(options: { entityArn: string; policyArn: string }): Promise<void> {
  const p = parseEntityArn(options.entityArn);
  if (!/^arn:[^:]+:iam::(\d{12}|aws):policy\/.+/.test(options.policyArn)) {
    throw new AppError("VALIDATION", `"${options.policyArn}" is not a managed policy ARN.`, { field: "policyArn" });
  }
  try {
    await detachManaged(iamClient(), p, options.policyArn);
  } catch (error) {
    throw mapIamError(error, { doing: `detach ${options.policyArn} from ${p.name}`, permission: verb(p, "Detach") });
  }
}
