// The IAM permissions the identity Leastwise runs as needs against a real account, per mode. The
// policies in docs/local-aws.md are checked against this table, and the table against every AWS
// call the code makes (required-permissions.test.ts), so neither can drift.
export type PermissionMode = "read-only" | "generate" | "create-and-attach";

/** Browse roles, users, policies and trails. */
const READ_ONLY = [
  "iam:ListRoles",
  "iam:GetRole",
  "iam:ListUsers",
  "iam:GetUser",
  "iam:ListAttachedRolePolicies",
  "iam:ListAttachedUserPolicies",
  "iam:ListRolePolicies",
  "iam:ListUserPolicies",
  "iam:GetPolicy",
  "iam:GetPolicyVersion",
  "iam:ListPolicies",
  "iam:ListEntitiesForPolicy",
  // the entity page's unused permissions read inline policies; the policy page lists versions
  "iam:GetRolePolicy",
  "iam:GetUserPolicy",
  "iam:ListPolicyVersions",
  "cloudtrail:ListTrails",
  "cloudtrail:GetTrail",
  "sts:GetCallerIdentity",
];

/** Generating reads the trail by assuming the service role (its own policy reads the bucket). */
const GENERATE = [...READ_ONLY, "sts:AssumeRole"];

/** Creating and attaching the generated policies, and creating the service role. */
const CREATE_AND_ATTACH = [
  ...GENERATE,
  "iam:CreatePolicy",
  "iam:DeletePolicy",
  "iam:TagPolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:AttachUserPolicy",
  "iam:DetachUserPolicy",
  "iam:CreateRole",
  "iam:PutRolePolicy",
  "iam:DeleteRole",
  "iam:DeleteRolePolicy",
  // replacing the broad policies: delete inline policies (and a policy's old versions before the
  // policy), and Undo puts back exactly what was removed
  "iam:DeletePolicyVersion",
  "iam:PutUserPolicy",
  "iam:DeleteUserPolicy",
];

export const REQUIRED_PERMISSIONS: Record<PermissionMode, string[]> = {
  "read-only": READ_ONLY,
  generate: GENERATE,
  "create-and-attach": CREATE_AND_ATTACH,
};

/** The service-role actions are limited to these roles (the statement's Resource). */
export const SERVICE_ROLE_RESOURCE = "arn:aws:iam::*:role/service-role/AccessAnalyzerMonitorServiceRole*";
// iam:PutRolePolicy and iam:DeleteRolePolicy are not limited to it: replacing a role's broad access
// deletes its inline policies, and Undo puts them back.
export const SERVICE_ROLE_ACTIONS = new Set(["sts:AssumeRole", "iam:CreateRole", "iam:DeleteRole"]);
