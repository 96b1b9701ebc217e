import type { CloudTrailRecord, PassRoleSuggestion } from "./types";

/**
 * iam:PassRole is never logged: it is checked when a call hands a role to a service. These are the
 * calls that do, with the request-parameter keys (matched case-insensitively, at any depth) that
 * carry the role. A value is a role ARN, or a role name some services also accept (resolved in the
 * recipient account). Instance profiles are not roles: they are recorded with kind
 * "instance-profile"; PassRole is then needed on the role inside the profile, which the log does
 * not name.
 */
// Keys that hold a role ARN only (a bare name there means something else).
const ARN_ONLY_KEYS = new Set(["credentials"]);
const ROLE_KEYS = new Set([
  "role",
  "rolearn",
  "servicerole",
  "servicerolearn",
  "executionrolearn",
  "taskrolearn",
  "noderole",
  "jobflowrole",
  "administrationrolearn",
  "monitoringrolearn",
  "iamrolearn",
  "invocationrole",
  "deliveryrolearn",
  "datasourcerolearn",
  "lambdarolearn",
]);

export const PASS_ROLE_TRIGGERS: ReadonlySet<string> = new Set([
  "lambda:CreateFunction",
  "lambda:UpdateFunctionConfiguration",
  "ec2:RunInstances",
  "ec2:AssociateIamInstanceProfile",
  "ec2:ReplaceIamInstanceProfileAssociation",
  "ec2:CreateLaunchTemplate",
  "ec2:CreateLaunchTemplateVersion",
  "ec2:RequestSpotInstances",
  "autoscaling:CreateLaunchConfiguration",
  "ecs:RegisterTaskDefinition",
  "ecs:RunTask",
  "ecs:StartTask",
  "ecs:CreateService",
  "cloudformation:CreateStack",
  "cloudformation:UpdateStack",
  "cloudformation:CreateChangeSet",
  "cloudformation:CreateStackSet",
  "cloudformation:UpdateStackSet",
  "states:CreateStateMachine",
  "states:UpdateStateMachine",
  "glue:CreateJob",
  "glue:UpdateJob",
  "glue:CreateCrawler",
  "glue:UpdateCrawler",
  "glue:CreateDevEndpoint",
  "sagemaker:CreateTrainingJob",
  "sagemaker:CreateProcessingJob",
  "sagemaker:CreateNotebookInstance",
  "sagemaker:CreateModel",
  "sagemaker:CreateTransformJob",
  "sagemaker:CreateHyperParameterTuningJob",
  "sagemaker:CreatePipeline",
  "sagemaker:CreateDomain",
  "codebuild:CreateProject",
  "codebuild:UpdateProject",
  "codepipeline:CreatePipeline",
  "codepipeline:UpdatePipeline",
  "events:PutTargets",
  "scheduler:CreateSchedule",
  "scheduler:UpdateSchedule",
  "pipes:CreatePipe",
  "pipes:UpdatePipe",
  "logs:PutSubscriptionFilter",
  "logs:PutDestination",
  "eks:CreateCluster",
  "eks:CreateNodegroup",
  "eks:CreateFargateProfile",
  "batch:CreateComputeEnvironment",
  "batch:RegisterJobDefinition",
  "elasticmapreduce:RunJobFlow",
  "rds:CreateDBInstance",
  "rds:ModifyDBInstance",
  "firehose:CreateDeliveryStream",
  "iot:CreateTopicRule",
  "iot:ReplaceTopicRule",
  "config:PutConfigurationRecorder",
  "datasync:CreateTask",
  "apigateway:PUT",
  "appsync:CreateDataSource",
  "appsync:UpdateDataSource",
  "kinesisanalytics:CreateApplication",
  "backup:StartBackupJob",
  "ssm:RegisterTaskWithMaintenanceWindow",
  "ssm:SendCommand",
]);

const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\/[\x21-\x7e]+$/;
const PROFILE_ARN = /^arn:[a-z-]+:iam::\d{12}:instance-profile\/[\x21-\x7e]+$/;
const ROLE_NAME = /^([\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;

export interface PassedRole {
  arn: string;
  kind: "role" | "instance-profile";
}

/**
 * Roles (and instance profiles) a successful call handed to a service. `action` is the mapped
 * trigger ("lambda:CreateFunction"); names are resolved to ARNs in `accountId` and `partition`.
 */
export function extractPassedRoles(
  action: string,
  record: CloudTrailRecord,
  partition: string,
  accountId: string | undefined,
): PassedRole[] {
  if (!PASS_ROLE_TRIGGERS.has(action)) return [];
  const params = record.requestParameters;
  if (!params || typeof params !== "object") return [];
  const found = new Map<string, PassedRole>();
  const addRole = (value: string): void => {
    if (ROLE_ARN.test(value)) found.set(value, { arn: value, kind: "role" });
    else if (accountId && !value.startsWith("arn:") && ROLE_NAME.test(value)) {
      const arn = `arn:${partition}:iam::${accountId}:role/${value.replace(/^\//, "")}`;
      found.set(arn, { arn, kind: "role" });
    }
  };
  const addProfile = (value: string): void => {
    if (PROFILE_ARN.test(value)) found.set(value, { arn: value, kind: "instance-profile" });
    else if (accountId && !value.startsWith("arn:") && ROLE_NAME.test(value)) {
      const arn = `arn:${partition}:iam::${accountId}:instance-profile/${value.replace(/^\//, "")}`;
      found.set(arn, { arn, kind: "instance-profile" });
    }
  };
  let budget = 500;
  const walk = (value: unknown, key: string, parent: string, depth: number): void => {
    if (budget-- <= 0 || depth > 8) return;
    if (typeof value === "string") {
      // An instance profile is given as a string, or as {arn} / {name} under iamInstanceProfile.
      if (key === "iaminstanceprofile" || (parent === "iaminstanceprofile" && (key === "arn" || key === "name"))) addProfile(value);
      else if (ROLE_KEYS.has(key)) addRole(value);
      else if (ARN_ONLY_KEYS.has(key) && ROLE_ARN.test(value)) found.set(value, { arn: value, kind: "role" });
      return;
    }
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) for (const item of value) walk(item, key, parent, depth + 1);
    else for (const [k, v] of Object.entries(value)) walk(v, k.toLowerCase(), key, depth + 1);
  };
  walk(params, "", "", 0);
  return [...found.values()].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

export function mergePassRole(a: PassRoleSuggestion, b: PassRoleSuggestion): PassRoleSuggestion {
  const out: PassRoleSuggestion = {
    roleArn: a.roleArn,
    viaActions: [...new Set([...a.viaActions, ...b.viaActions])].sort(),
    calls: a.calls + b.calls,
    lastSeen: a.lastSeen > b.lastSeen ? a.lastSeen : b.lastSeen,
  };
  const kind = a.kind ?? b.kind;
  if (kind) out.kind = kind;
  return out;
}
