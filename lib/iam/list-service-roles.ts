// Existing roles the generation can use as its service role: under /service-role/, named
// AccessAnalyzerMonitorServiceRole*, trusting access-analyzer.amazonaws.com (what the IAM console
// offers under "Use an existing service role"). Against a real account Leastwise assumes the role
// itself, so each role also says whether it trusts Leastwise's principal (`trustsLeastwise`).
import { ListRolesCommand, type Role } from "@aws-sdk/client-iam";
import { accountMode, iamClient, stsClient } from "@/lib/aws/clients";
import { decodePolicyDocument } from "./decode-document";
import { roleSummary } from "./list-roles";
import { mapIamError } from "./map-iam-error";
import { leastwisePrincipalArn } from "./leastwise-principal";
import { SERVICE_ROLE_PATH, SERVICE_ROLE_PREFIX, trustsAccessAnalyzer, trustsPrincipal } from "./service-role-policies";
import type { EntitySummary } from "./types";

export interface ServiceRoleSummary extends EntitySummary {
  /** aws mode: whether the trust policy also lets Leastwise's own principal assume it */
  trustsLeastwise?: boolean;
}

export async function listServiceRoles(): Promise<ServiceRoleSummary[]> {
  const client = iamClient();
  const roles: Role[] = [];
  try {
    let marker: string | undefined;
    do {
      const out = await client.send(new ListRolesCommand({ PathPrefix: SERVICE_ROLE_PATH, Marker: marker, MaxItems: 1000 }));
      roles.push(...(out.Roles ?? []));
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw mapIamError(error, { doing: "list the service roles", permission: "iam:ListRoles" });
  }
  const suitable = roles
    .filter((r) => r.Path === SERVICE_ROLE_PATH && (r.RoleName ?? "").startsWith(SERVICE_ROLE_PREFIX))
    .filter((r) => trustsAccessAnalyzer(decodePolicyDocument(r.AssumeRolePolicyDocument)));
  if (accountMode() !== "aws") return suitable.map(roleSummary);
  let self: string | undefined;
  try {
    self = await leastwisePrincipalArn({ iam: client, sts: stsClient() });
  } catch {
    self = undefined; // unknown: do not claim either way
  }
  return suitable.map((r) => ({
    ...roleSummary(r),
    ...(self ? { trustsLeastwise: trustsPrincipal(decodePolicyDocument(r.AssumeRolePolicyDocument), self) } : {}),
  }));
}
