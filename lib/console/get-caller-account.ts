import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { stsClient } from "@/lib/aws/clients";
import { mapIamError } from "@/lib/iam/map-iam-error";

let cached: Promise<{ accountId: string; partition: string }> | null = null;

/** The account (and partition) Leastwise manages: entity pages are addressed by name within it. */
export function getCallerAccount(): Promise<{ accountId: string; partition: string }> {
  cached ??= stsClient()
    .send(new GetCallerIdentityCommand({}))
    .then((out) => ({ accountId: out.Account ?? "", partition: (out.Arn ?? "arn:aws:").split(":")[1] || "aws" }))
    .catch((error) => {
      cached = null;
      throw mapIamError(error, { doing: "find out which AWS account Leastwise manages", permission: "sts:GetCallerIdentity" });
    });
  return cached;
}

export async function entityArn(kind: "role" | "user", name: string): Promise<string> {
  const { accountId, partition } = await getCallerAccount();
  return `arn:${partition}:iam::${accountId}:${kind}/${name}`;
}
