import { findOperation } from "./operation-map";
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
  /** the iam:PassedToService values AWS's operation map lists for the call, sorted (absent: not listed) */
  passedToService?: string[];
}

/**
 * AWS's operation map entry of the call, when it lists iam:PassRole: the call hands a role to a
 * service even when PASS_ROLE_TRIGGERS does not name it, and AWS says to which service.
 */
function passRoleEntry(action: string, record: CloudTrailRecord) {
  const prefix = action.split(":")[0];
  const name = typeof record.eventName === "string" ? record.eventName : "";
  const entry = (name && findOperation(prefix, name)) || findOperation(prefix, action.slice(prefix.length + 1));
  return entry && entry.actions.includes("iam:PassRole") ? entry : undefined;
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
  const entry = passRoleEntry(action, record);
  if (!PASS_ROLE_TRIGGERS.has(action) && !entry) return [];
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
  const services = entry?.passedToService ?? [];
  return [...found.values()]
    .map((r) => (services.length > 0 ? { ...r, passedToService: services } : r))
    .sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
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
  const services = [...new Set([...(a.passedToService ?? []), ...(b.passedToService ?? [])])].sort();
  if (services.length > 0) out.passedToService = services;
  return out;
}

/**
 * The service principal a role is passed to, per trigger prefix, where it is unambiguous. Used to
 * narrow a PassRole grant with iam:PassedToService; triggers not listed get no condition.
 */
const PASSED_TO_SERVICE: Readonly<Record<string, string>> = {
  lambda: "lambda.amazonaws.com",
  ec2: "ec2.amazonaws.com",
  autoscaling: "ec2.amazonaws.com",
  "ecs:RegisterTaskDefinition": "ecs-tasks.amazonaws.com",
  "ecs:RunTask": "ecs-tasks.amazonaws.com",
  "ecs:StartTask": "ecs-tasks.amazonaws.com",
  cloudformation: "cloudformation.amazonaws.com",
  states: "states.amazonaws.com",
  glue: "glue.amazonaws.com",
  sagemaker: "sagemaker.amazonaws.com",
  codebuild: "codebuild.amazonaws.com",
  codepipeline: "codepipeline.amazonaws.com",
  events: "events.amazonaws.com",
  scheduler: "scheduler.amazonaws.com",
  pipes: "pipes.amazonaws.com",
  batch: "batch.amazonaws.com",
  datasync: "datasync.amazonaws.com",
  firehose: "firehose.amazonaws.com",
  config: "config.amazonaws.com",
  iot: "iot.amazonaws.com",
  backup: "backup.amazonaws.com",
  apigateway: "apigateway.amazonaws.com",
  appsync: "appsync.amazonaws.com",
};

function passedToService(action: string): string | undefined {
  return PASSED_TO_SERVICE[action] ?? PASSED_TO_SERVICE[action.split(":")[0]];
}

export interface PassRoleStatement {
  Sid: string;
  Effect: "Allow";
  Action: "iam:PassRole";
  Resource: string | string[];
  Condition: { StringEquals: { "iam:PassedToService": string | string[] } };
}

export interface PassRoleOptions {
  /**
   * The role inside an instance profile (from IAM's GetInstanceProfile, or from the logs), injected
   * by the caller: the core does no I/O. Undefined: not known.
   */
  instanceProfileRole?: (profileArn: string) => string | undefined;
}

/**
 * iam:PassRole statements for accepted suggestions, only on role ARNs and always narrowed by
 * iam:PassedToService: roles passed to the same services share a statement. The services are
 * AWS's (the operation map's PassedToService values), else the trigger's known service.
 * - An instance profile is not a role: PassRole applies to the role inside it. With
 *   `instanceProfileRole` it is resolved (passed to ec2.amazonaws.com); otherwise it comes back in
 *   `needsRole`.
 * - A role passed through a call whose service is not known comes back in `needsService` (a
 *   statement without the condition would let the role be passed to any service).
 */
export function passRoleStatements(
  suggestions: readonly PassRoleSuggestion[],
  sidPrefix = "SuggestedPassRole",
  options: PassRoleOptions = {},
): { statements: PassRoleStatement[]; needsRole: string[]; needsService: string[] } {
  const groups = new Map<string, { services: string[]; roles: string[] }>();
  const needsRole: string[] = [];
  const needsService: string[] = [];
  for (const s of suggestions) {
    let roleArn = s.roleArn;
    let services: string[] | undefined;
    if (s.kind === "instance-profile" || PROFILE_ARN.test(roleArn)) {
      const resolved = PROFILE_ARN.test(roleArn) ? options.instanceProfileRole?.(roleArn) : undefined;
      if (!resolved || !ROLE_ARN.test(resolved)) {
        needsRole.push(s.roleArn);
        continue;
      }
      roleArn = resolved;
      services = ["ec2.amazonaws.com"]; // a profile is only ever handed to EC2
    } else if (!ROLE_ARN.test(roleArn)) {
      needsRole.push(s.roleArn);
      continue;
    }
    if (!services) {
      if (s.passedToService && s.passedToService.length > 0) services = [...s.passedToService];
      else {
        const known = s.viaActions.map(passedToService);
        services = known.every((x): x is string => x !== undefined) ? (known as string[]) : [];
      }
    }
    services = [...new Set(services)].sort();
    if (services.length === 0) {
      needsService.push(roleArn);
      continue;
    }
    const key = services.join(",");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { services, roles: [] }));
    group.roles.push(roleArn);
  }
  const statements = [...groups.keys()].sort().map((key, i): PassRoleStatement => {
    const { services, roles } = groups.get(key)!;
    const sorted = [...new Set(roles)].sort();
    return {
      Sid: `${sidPrefix}${i}`,
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: sorted.length === 1 ? sorted[0] : sorted,
      Condition: { StringEquals: { "iam:PassedToService": services.length === 1 ? services[0] : services } },
    };
  });
  return { statements, needsRole: [...new Set(needsRole)].sort(), needsService: [...new Set(needsService)].sort() };
}
