/** What a principal does: weighted event templates (keys of TEMPLATES) and how often it is denied. */
export interface ActivityProfile {
  templates: ReadonlyArray<readonly [string, number]>;
  errorRate: number;
  /**
   * Calls the principal only ever makes to be refused (an application reaching for something its
   * role was never meant to do). Written only when a corpus asks for them (GenerateCorpusOptions.deniedProbes).
   */
  probes?: readonly string[];
}

export const PROFILE_NAMES = ["backend", "ci-deployer", "data-pipeline", "admin", "readonly-auditor", "noise"] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const PROFILES: Record<ProfileName, ActivityProfile> = {
  // An application role: data-plane heavy, a little control plane, a few denied probes.
  backend: {
    errorRate: 0.01,
    probes: ["s3:DeleteObjects", "ssm:GetParametersByPath"],
    templates: [
      ["s3:GetObject", 30],
      ["s3:PutObject", 12],
      ["s3:HeadObject", 6],
      ["s3:ListObjects", 4],
      ["s3:CopyObject", 2],
      ["dynamodb:GetItem", 20],
      ["dynamodb:PutItem", 10],
      ["dynamodb:DescribeTable", 2],
      ["sqs:SendMessage", 8],
      ["sqs:ReceiveMessage", 10],
      ["sqs:GetQueueAttributes", 2],
      ["sns:Publish", 3],
      ["kms:Decrypt", 8],
      ["kms:GenerateDataKey", 3],
      ["secretsmanager:GetSecretValue", 4],
      ["secretsmanager:BatchGetSecretValue", 1],
      ["ssm:GetParameter", 4],
      ["monitoring:PutMetricData", 6],
      ["email:SendEmail", 2],
      ["logs:CreateLogStream", 2],
      ["lambda:Invoke", 3],
      ["sts:GetCallerIdentity", 1],
      ["events:PutEvents", 2],
      ["kms:ReEncrypt", 1],
    ],
  },
  // A deployment pipeline: control plane across many services, global services, role passing.
  "ci-deployer": {
    errorRate: 0.03,
    templates: [
      ["lambda:UpdateFunctionCode20150331v2", 10],
      ["lambda:GetFunction20150331v2", 8],
      ["lambda:ListFunctions20150331", 4],
      ["lambda:CreateFunction20150331", 1],
      ["lambda:AddPermission20150331v2", 1],
      ["lambda:ListTags20170331", 2],
      ["cloudformation:CreateStack", 1],
      ["cloudformation:DescribeStacks", 8],
      ["cloudformation:UpdateStack", 3],
      ["ecs:RegisterTaskDefinition", 2],
      ["ecs:UpdateService", 3],
      ["ecs:DescribeServices", 5],
      ["ecs:RunTask", 1],
      ["ecr:GetAuthorizationToken", 4],
      ["ecr:PutImage", 2],
      ["ecr:BatchGetImage", 3],
      ["s3:PutObject", 8],
      ["s3:GetBucketLocation", 3],
      ["s3:ListBuckets", 1],
      ["s3:PutBucketLifecycle", 1],
      ["s3:GetBucketCors", 1],
      ["cloudfront:CreateInvalidation", 2],
      ["cloudfront:GetDistribution2020_05_31", 1],
      ["route53:ChangeResourceRecordSets", 1],
      ["route53:ListHostedZones", 1],
      ["iam:GetRole", 3],
      ["iam:ListAttachedRolePolicies", 1],
      ["ec2:DescribeSecurityGroups", 2],
      ["ec2:RunInstances", 1],
      ["ec2:CreateTags", 1],
      ["codebuild:StartBuild", 2],
      ["sts:GetCallerIdentity", 2],
    ],
  },
  "data-pipeline": {
    errorRate: 0.02,
    templates: [
      ["s3:GetObject", 25],
      ["s3:PutObject", 15],
      ["s3:ListObjects", 8],
      ["s3:DeleteObjects", 2],
      ["s3:CreateMultipartUpload", 3],
      ["glue:GetTable", 6],
      ["glue:StartJobRun", 2],
      ["athena:StartQueryExecution", 4],
      ["athena:GetQueryResults", 6],
      ["states:StartExecution", 2],
      ["kms:Decrypt", 6],
      ["kms:GenerateDataKey", 4],
      ["monitoring:GetMetricData", 2],
      ["logs:DescribeLogGroups", 1],
      ["dynamodb:DescribeTable", 2],
      ["sqs:ReceiveMessage", 3],
    ],
  },
  admin: {
    errorRate: 0.05,
    templates: [
      ["signin:ConsoleLogin", 2],
      ["iam:ListRoles", 4],
      ["iam:GetRole", 4],
      ["iam:CreatePolicy", 1],
      ["ec2:DescribeInstances", 6],
      ["s3:ListBuckets", 3],
      ["s3:GetBucketVersioning", 2],
      ["cloudfront:ListDistributions", 1],
      ["monitoring:DescribeAlarms", 2],
      ["email:GetSendQuota", 1],
      ["logs:DescribeLogGroups", 2],
      ["cloudformation:DescribeStacks", 2],
    ],
  },
  "readonly-auditor": {
    errorRate: 0.08,
    templates: [
      ["iam:ListRoles", 4],
      ["iam:ListAttachedRolePolicies", 4],
      ["ec2:DescribeInstances", 4],
      ["ec2:DescribeSecurityGroups", 4],
      ["s3:ListBuckets", 2],
      ["s3:GetBucketVersioning", 3],
      ["s3:GetBucketLocation", 2],
      ["monitoring:DescribeAlarms", 2],
      ["cloudfront:ListDistributions", 1],
      ["route53:ListHostedZones", 1],
      ["logs:DescribeLogGroups", 2],
    ],
  },
  // Everybody else in the account: a bit of everything.
  noise: {
    errorRate: 0.02,
    templates: [
      ["s3:GetObject", 10],
      ["s3:PutObject", 5],
      ["dynamodb:GetItem", 6],
      ["sqs:ReceiveMessage", 6],
      ["kms:Decrypt", 6],
      ["ec2:DescribeInstances", 4],
      ["monitoring:PutMetricData", 4],
      ["logs:CreateLogStream", 3],
      ["sts:GetCallerIdentity", 2],
      ["lambda:Invoke", 3],
      ["ssm:GetParametersByPath", 2],
      ["iam:GetRole", 1],
      ["cloudformation:DescribeStacks", 1],
      ["ecr:BatchGetImage", 2],
    ],
  },
};
