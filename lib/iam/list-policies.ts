// Customer managed policies of the account, for the console's Policies page (ListPolicies with
// Scope=Local, every page). AWS managed policies are not listed: there are over a thousand.
import { GetPolicyCommand, ListPoliciesCommand, type IAMClient, type Policy } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { mapIamError } from "./map-iam-error";

export interface ManagedPolicySummary {
  name: string;
  arn: string;
  path: string;
  description?: string;
  attachmentCount: number;
  createdAt: string;
  updatedAt: string;
  defaultVersionId?: string;
}

export function policySummary(p: Policy): ManagedPolicySummary {
  return {
    name: p.PolicyName ?? "",
    arn: p.Arn ?? "",
    path: p.Path ?? "/",
    description: p.Description || undefined,
    attachmentCount: p.AttachmentCount ?? 0,
    createdAt: (p.CreateDate ?? new Date(0)).toISOString(),
    updatedAt: (p.UpdateDate ?? p.CreateDate ?? new Date(0)).toISOString(),
    defaultVersionId: p.DefaultVersionId,
  };
}

/** ListPolicies leaves descriptions out (as IAM does); GetPolicy has them. At most this many are fetched. */
export const MAX_DESCRIBED = 200;

async function describe(client: IAMClient, policies: ManagedPolicySummary[]): Promise<void> {
  const queue = policies.slice(0, MAX_DESCRIBED);
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const out = await client.send(new GetPolicyCommand({ PolicyArn: p.arn }));
      p.description = out.Policy?.Description || undefined;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

export async function listPolicies(
  options: { maxTotal?: number; withDescriptions?: boolean } = {},
): Promise<{ policies: ManagedPolicySummary[]; truncated: boolean }> {
  const client = iamClient();
  const max = options.maxTotal ?? 5000;
  const policies: ManagedPolicySummary[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await client.send(new ListPoliciesCommand({ Scope: "Local", Marker: marker, MaxItems: 1000 }));
      policies.push(...(out.Policies ?? []).map(policySummary));
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker && policies.length < max);
    if (options.withDescriptions) await describe(client, policies);
  } catch (error) {
    throw mapIamError(error, { doing: "list the managed policies", permission: "iam:ListPolicies" });
  }
  return { policies: policies.slice(0, max), truncated: !!marker || policies.length > max };
}
