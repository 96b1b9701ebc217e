// Existing roles the generation can use as its service role: under /service-role/, named
// AccessAnalyzerMonitorServiceRole*, trusting access-analyzer.amazonaws.com (what the IAM console
// offers under "Use an existing service role").
import { ListRolesCommand, type Role } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { decodePolicyDocument } from "./decode-document";
import { roleSummary } from "./list-roles";
import { mapIamError } from "./map-iam-error";
import { SERVICE_ROLE_PATH, SERVICE_ROLE_PREFIX, trustsAccessAnalyzer } from "./service-role-policies";
import type { EntitySummary } from "./types";

export async function listServiceRoles(): Promise<EntitySummary[]> {
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
  return roles
    .filter((r) => r.Path === SERVICE_ROLE_PATH && (r.RoleName ?? "").startsWith(SERVICE_ROLE_PREFIX))
    .filter((r) => trustsAccessAnalyzer(decodePolicyDocument(r.AssumeRolePolicyDocument)))
    .map(roleSummary);
}
