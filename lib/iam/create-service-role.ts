// Creates the policy-generation service role `service-role/AccessAnalyzerMonitorServiceRole_<suffix>`
// with the documented trust policy (plus Leastwise's own principal on a real account, since Leastwise
// assumes the role to read the trail) and an inline permissions policy for the trail's bucket. If the
// permissions cannot be added, the half-made role is deleted again so no unusable role is left.
import { randomBytes } from "node:crypto";
import { CreateRoleCommand, DeleteRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { accountMode, iamClient, stsClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { leastwisePrincipalArn } from "./leastwise-principal";
import { roleSummary } from "./list-roles";
import { mapIamError } from "./map-iam-error";
import { SERVICE_ROLE_PATH, SERVICE_ROLE_PREFIX, serviceRolePermissionsPolicy, serviceRoleTrustPolicy } from "./service-role-policies";
import type { EntitySummary } from "./types";

export const SERVICE_ROLE_POLICY_NAME = "AccessAnalyzerMonitorServiceRolePolicy";
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export async function createServiceRole(options: { trailBucket: string; suffix?: string; partition?: string }): Promise<EntitySummary> {
  if (!BUCKET_NAME.test(options.trailBucket)) {
    throw new AppError(
      "VALIDATION",
      `"${options.trailBucket}" is not an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens.`,
      { field: "trailBucket" },
    );
  }
  const suffix =
    options.suffix ??
    randomBytes(6)
      .toString("base64url")
      .replace(/[^A-Za-z0-9]/g, "x");
  if (!/^[\w+=,.@-]{1,31}$/.test(suffix)) {
    throw new AppError("VALIDATION", "The role name suffix may contain only letters, digits and + = , . @ _ - (at most 31 characters).", {
      field: "suffix",
    });
  }
  const roleName = `${SERVICE_ROLE_PREFIX}_${suffix}`;
  const client = iamClient();
  let created;
  try {
    // Against a real account Leastwise assumes the role itself, so the role must trust it too.
    const alsoTrust = accountMode() === "aws" ? await leastwisePrincipalArn({ iam: client, sts: stsClient() }) : undefined;
    created = await client.send(
      new CreateRoleCommand({
        RoleName: roleName,
        Path: SERVICE_ROLE_PATH,
        AssumeRolePolicyDocument: serviceRoleTrustPolicy({ alsoTrust }),
        Description: "Lets Leastwise (IAM Access Analyzer policy generation) read the CloudTrail trail and its bucket.",
      }),
    );
  } catch (error) {
    throw mapIamError(error, { doing: `create the service role ${roleName}`, permission: "iam:CreateRole" });
  }
  try {
    await client.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: SERVICE_ROLE_POLICY_NAME,
        PolicyDocument: serviceRolePermissionsPolicy({ bucket: options.trailBucket, partition: options.partition }),
      }),
    );
  } catch (error) {
    const mapped = mapIamError(error, { doing: `add the permissions policy to ${roleName}`, permission: "iam:PutRolePolicy" });
    try {
      await client.send(new DeleteRoleCommand({ RoleName: roleName }));
    } catch {
      throw new AppError(
        mapped.code,
        `${mapped.userMessage} The role ${roleName} was created without permissions and could not be deleted again; delete it in IAM.`,
        { status: mapped.status, cause: error },
      );
    }
    throw new AppError(mapped.code, `${mapped.userMessage} The role was not kept.`, { status: mapped.status, cause: error });
  }
  return roleSummary(created.Role!);
}
