import type { Rng } from "./rng";

export interface TemplateContext {
  rng: Rng;
  account: string;
  region: string;
  /** the acting principal's role ARN, when a role (for PassRole-style parameters) */
  roleArn?: string;
  /** other role ARNs of the account (handed to services) */
  serviceRoleArns: string[];
}

type Obj = Record<string, unknown>;

export interface EventTemplate {
  source: string; // eventSource without ".amazonaws.com"
  name: string; // eventName
  /** global services log in us-east-1 whatever region the caller used */
  global?: boolean;
  /** a data event (eventCategory Data, managementEvent false) */
  data?: boolean;
  readOnly: boolean;
  params?: (c: TemplateContext) => Obj | null;
  resources?: (c: TemplateContext, params: Obj | null) => { ARN: string; accountId?: string; type?: string }[];
  response?: (c: TemplateContext) => Obj | null;
  /** the IAM action AWS names in an AccessDenied message (mapping ground truth) */
  action: string;
  /** how a failure of this call reads: IAM-style message naming the action, EC2's encoded one, S3's bare one */
  denyStyle?: "iam" | "ec2" | "s3";
}

const BUCKETS = ["app-assets-prod", "data-lake-raw", "ci-artifacts", "logs-archive", "reports-eu"];
const FUNCS = ["orders-api", "thumbnailer", "nightly-report", "auth-hook"];
const TABLES = ["Orders", "Sessions", "Inventory"];
const QUEUES = ["jobs", "dead-letter", "emails"];

const bucket = (c: TemplateContext) => c.rng.pick(BUCKETS);
const objKey = (c: TemplateContext) =>
  `${c.rng.pick(["uploads", "exports", "tmp", "builds"])}/${c.rng.hex(8)}/${c.rng.pick(["data.json", "image.png", "report.csv", "bundle.zip"])}`;
const s3obj = (c: TemplateContext) => {
  const b = bucket(c);
  return { bucketName: b, key: objKey(c), Host: `${b}.s3.${c.region}.amazonaws.com` };
};
const s3objRes = (_c: TemplateContext, p: Obj | null) => [
  { type: "AWS::S3::Object", ARN: `arn:aws:s3:::${p?.bucketName}/${p?.key}` },
  { accountId: _c.account, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${p?.bucketName}` },
];
const s3bucketRes = (c: TemplateContext, p: Obj | null) => [
  { accountId: c.account, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${p?.bucketName}` },
];
const fnArn = (c: TemplateContext, f: string) => `arn:aws:lambda:${c.region}:${c.account}:function:${f}`;
const tableArn = (c: TemplateContext, t: string) => `arn:aws:dynamodb:${c.region}:${c.account}:table/${t}`;
const queueUrl = (c: TemplateContext) => `https://sqs.${c.region}.amazonaws.com/${c.account}/${c.rng.pick(QUEUES)}`;
const passRole = (c: TemplateContext) => c.rng.pick(c.serviceRoleArns);

function t(source: string, name: string, action: string, opts: Partial<EventTemplate> = {}): EventTemplate {
  return { source, name, action, readOnly: /^(Get|List|Describe|Head|Batch?Get|Query|Scan|Lookup)/.test(name), ...opts };
}

/** Templates by key "source:name". Includes the mapping traps of event-to-action-mapping.md. */
export const TEMPLATES: Record<string, EventTemplate> = Object.fromEntries(
  [
    // S3: renames, data events, bucket-level management events
    t("s3", "ListBuckets", "s3:ListAllMyBuckets", { params: (c) => ({ Host: `s3.${c.region}.amazonaws.com` }), denyStyle: "s3" }),
    t("s3", "GetBucketLocation", "s3:GetBucketLocation", {
      params: (c) => ({ bucketName: bucket(c), location: "" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    t("s3", "GetBucketCors", "s3:GetBucketCORS", {
      params: (c) => ({ bucketName: bucket(c), cors: "" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    t("s3", "PutBucketLifecycle", "s3:PutLifecycleConfiguration", {
      params: (c) => ({ bucketName: bucket(c), lifecycle: "" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    t("s3", "GetBucketVersioning", "s3:GetBucketVersioning", {
      params: (c) => ({ bucketName: bucket(c), versioning: "" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    t("s3", "ListObjects", "s3:ListBucket", {
      data: true,
      params: (c) => ({ bucketName: bucket(c), prefix: "exports/", "list-type": "2" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    t("s3", "HeadObject", "s3:GetObject", { data: true, params: s3obj, resources: s3objRes, denyStyle: "s3" }),
    t("s3", "GetObject", "s3:GetObject", { data: true, params: s3obj, resources: s3objRes, denyStyle: "s3" }),
    t("s3", "PutObject", "s3:PutObject", { data: true, params: s3obj, resources: s3objRes, denyStyle: "s3" }),
    t("s3", "CopyObject", "s3:PutObject", {
      data: true,
      params: (c) => ({ ...s3obj(c), "x-amz-copy-source": `${bucket(c)}/${objKey(c)}` }),
      resources: s3objRes,
      denyStyle: "s3",
    }),
    t("s3", "CreateMultipartUpload", "s3:PutObject", {
      data: true,
      params: (c) => ({ ...s3obj(c), uploads: "" }),
      resources: s3objRes,
      denyStyle: "s3",
    }),
    t("s3", "DeleteObjects", "s3:DeleteObject", {
      data: true,
      params: (c) => ({ bucketName: bucket(c), delete: "" }),
      resources: s3bucketRes,
      denyStyle: "s3",
    }),
    // Lambda version suffixes
    t("lambda", "ListFunctions20150331", "lambda:ListFunctions", { readOnly: true, params: () => null }),
    t("lambda", "GetFunction20150331v2", "lambda:GetFunction", { readOnly: true, params: (c) => ({ functionName: c.rng.pick(FUNCS) }) }),
    t("lambda", "UpdateFunctionCode20150331v2", "lambda:UpdateFunctionCode", {
      params: (c) => ({
        functionName: fnArn(c, c.rng.pick(FUNCS)),
        s3Bucket: "ci-artifacts",
        s3Key: `builds/${c.rng.hex(12)}.zip`,
        publish: true,
      }),
    }),
    t("lambda", "CreateFunction20150331", "lambda:CreateFunction", {
      params: (c) => ({ functionName: `fn-${c.rng.hex(6)}`, runtime: "nodejs20.x", role: passRole(c), handler: "index.handler" }),
    }),
    t("lambda", "AddPermission20150331v2", "lambda:AddPermission", {
      params: (c) => ({
        functionName: c.rng.pick(FUNCS),
        statementId: c.rng.hex(8),
        action: "lambda:InvokeFunction",
        principal: "s3.amazonaws.com",
      }),
    }),
    t("lambda", "ListTags20170331", "lambda:ListTags", { readOnly: true, params: (c) => ({ resource: fnArn(c, c.rng.pick(FUNCS)) }) }),
    t("lambda", "Invoke", "lambda:InvokeFunction", {
      data: true,
      params: (c) => ({ functionName: fnArn(c, c.rng.pick(FUNCS)), invocationType: "RequestResponse" }),
      resources: (c, p) => [{ accountId: c.account, type: "AWS::Lambda::Function", ARN: String(p?.functionName) }],
    }),
    // prefix exceptions
    t("monitoring", "PutMetricData", "cloudwatch:PutMetricData", { params: () => ({ namespace: "App/Orders" }) }),
    t("monitoring", "GetMetricData", "cloudwatch:GetMetricData", {
      readOnly: true,
      params: () => ({ startTime: "2024-01-01T00:00:00Z", endTime: "2024-01-01T01:00:00Z" }),
    }),
    t("monitoring", "DescribeAlarms", "cloudwatch:DescribeAlarms", { params: () => ({ maxRecords: 100 }) }),
    t("email", "SendEmail", "ses:SendEmail", {
      params: (c) => ({ source: "noreply@example.com", destination: { toAddresses: [`user${c.rng.int(1, 99)}@example.org`] } }),
    }),
    t("email", "GetSendQuota", "ses:GetSendQuota", { params: () => null }),
    // global services (us-east-1)
    t("iam", "GetRole", "iam:GetRole", {
      global: true,
      params: (c) => ({ roleName: c.rng.pick(["orders-api", "TargetRole", "ci-deployer"]) }),
    }),
    t("iam", "ListRoles", "iam:ListRoles", { global: true, params: () => ({ maxItems: 100 }) }),
    t("iam", "ListAttachedRolePolicies", "iam:ListAttachedRolePolicies", { global: true, params: () => ({ roleName: "orders-api" }) }),
    t("iam", "CreatePolicy", "iam:CreatePolicy", {
      global: true,
      params: (c) => ({
        policyName: `p-${c.rng.hex(6)}`,
        policyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket(c)}/*` }],
        }),
      }),
    }),
    t("sts", "GetCallerIdentity", "sts:GetCallerIdentity", { params: () => null }),
    t("cloudfront", "CreateInvalidation", "cloudfront:CreateInvalidation", {
      global: true,
      params: (c) => ({
        distributionId: `E${c.rng.id("", 13)}`,
        invalidationBatch: { paths: { quantity: 1, items: ["/*"] }, callerReference: c.rng.hex(12) },
      }),
    }),
    t("cloudfront", "ListDistributions", "cloudfront:ListDistributions", { global: true, params: () => null }),
    t("cloudfront", "GetDistribution2020_05_31", "cloudfront:GetDistribution", {
      global: true,
      params: (c) => ({ id: `E${c.rng.id("", 13)}` }),
    }),
    t("route53", "ChangeResourceRecordSets", "route53:ChangeResourceRecordSets", {
      global: true,
      params: (c) => ({
        hostedZoneId: `Z${c.rng.id("", 12)}`,
        changeBatch: { changes: [{ action: "UPSERT", resourceRecordSet: { name: "api.example.com.", type: "A" } }] },
      }),
    }),
    t("route53", "ListHostedZones", "route53:ListHostedZones", { global: true, params: () => null }),
    // regional services
    t("dynamodb", "DescribeTable", "dynamodb:DescribeTable", {
      params: (c) => ({ tableName: c.rng.pick(TABLES) }),
      resources: (c, p) => [{ accountId: c.account, type: "AWS::DynamoDB::Table", ARN: tableArn(c, String(p?.tableName)) }],
    }),
    t("dynamodb", "GetItem", "dynamodb:GetItem", {
      data: true,
      params: (c) => ({ tableName: c.rng.pick(TABLES), key: { id: { S: c.rng.hex(8) } } }),
      resources: (c, p) => [{ accountId: c.account, type: "AWS::DynamoDB::Table", ARN: tableArn(c, String(p?.tableName)) }],
    }),
    t("dynamodb", "PutItem", "dynamodb:PutItem", {
      data: true,
      params: (c) => ({ tableName: c.rng.pick(TABLES), key: { id: { S: c.rng.hex(8) } } }),
      resources: (c, p) => [{ accountId: c.account, type: "AWS::DynamoDB::Table", ARN: tableArn(c, String(p?.tableName)) }],
    }),
    t("sqs", "SendMessage", "sqs:SendMessage", {
      params: (c) => ({ queueUrl: queueUrl(c), messageBody: "HIDDEN_DUE_TO_SECURITY_REASONS" }),
    }),
    t("sqs", "ReceiveMessage", "sqs:ReceiveMessage", { params: (c) => ({ queueUrl: queueUrl(c), maxNumberOfMessages: 10 }) }),
    t("sqs", "GetQueueAttributes", "sqs:GetQueueAttributes", { params: (c) => ({ queueUrl: queueUrl(c), attributeNames: ["All"] }) }),
    t("sns", "Publish", "sns:Publish", { params: (c) => ({ topicArn: `arn:aws:sns:${c.region}:${c.account}:alerts` }) }),
    t("kms", "Decrypt", "kms:Decrypt", {
      params: () => ({ encryptionAlgorithm: "SYMMETRIC_DEFAULT" }),
      resources: (c) => [{ accountId: c.account, type: "AWS::KMS::Key", ARN: `arn:aws:kms:${c.region}:${c.account}:key/${c.rng.uuid()}` }],
    }),
    t("kms", "GenerateDataKey", "kms:GenerateDataKey", { params: (c) => ({ keyId: `alias/app-${c.rng.int(1, 3)}`, keySpec: "AES_256" }) }),
    t("kms", "ReEncrypt", "kms:ReEncryptFrom", { params: (c) => ({ destinationKeyId: `alias/app-${c.rng.int(1, 3)}` }) }),
    t("secretsmanager", "GetSecretValue", "secretsmanager:GetSecretValue", {
      params: (c) => ({ secretId: `arn:aws:secretsmanager:${c.region}:${c.account}:secret:prod/db-${c.rng.hex(6)}` }),
    }),
    t("secretsmanager", "BatchGetSecretValue", "secretsmanager:BatchGetSecretValue", {
      params: (c) => ({ secretIdList: [`prod/api-${c.rng.int(1, 4)}`] }),
    }),
    t("ssm", "GetParameter", "ssm:GetParameter", {
      params: (c) => ({ name: `/app/${c.rng.pick(["db", "api", "flags"])}/url`, withDecryption: true }),
    }),
    t("ssm", "GetParametersByPath", "ssm:GetParametersByPath", { params: () => ({ path: "/app/", recursive: true }) }),
    t("ec2", "DescribeInstances", "ec2:DescribeInstances", { denyStyle: "ec2", params: () => ({ instancesSet: {}, filterSet: {} }) }),
    t("ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups", {
      denyStyle: "ec2",
      params: () => ({ securityGroupSet: {}, filterSet: {} }),
    }),
    t("ec2", "RunInstances", "ec2:RunInstances", {
      denyStyle: "ec2",
      params: (c) => ({
        instancesSet: { items: [{ imageId: `ami-${c.rng.hex(17)}`, minCount: 1, maxCount: 1 }] },
        instanceType: "t3.micro",
        iamInstanceProfile: { arn: `arn:aws:iam::${c.account}:instance-profile/app-profile` },
      }),
    }),
    t("ec2", "CreateTags", "ec2:CreateTags", {
      denyStyle: "ec2",
      params: (c) => ({
        resourcesSet: { items: [{ resourceId: `i-${c.rng.hex(17)}` }] },
        tagSet: { items: [{ key: "team", value: "orders" }] },
      }),
    }),
    t("ecs", "RunTask", "ecs:RunTask", {
      params: (c) => ({ cluster: "prod", taskDefinition: "orders:42", overrides: { taskRoleArn: passRole(c) } }),
    }),
    t("ecs", "RegisterTaskDefinition", "ecs:RegisterTaskDefinition", {
      params: (c) => ({ family: "orders", taskRoleArn: passRole(c), executionRoleArn: passRole(c) }),
    }),
    t("ecs", "DescribeServices", "ecs:DescribeServices", { params: () => ({ cluster: "prod", services: ["orders"] }) }),
    t("ecs", "UpdateService", "ecs:UpdateService", { params: () => ({ cluster: "prod", service: "orders", forceNewDeployment: true }) }),
    t("ecr", "GetAuthorizationToken", "ecr:GetAuthorizationToken", { params: () => null }),
    t("ecr", "BatchGetImage", "ecr:BatchGetImage", {
      readOnly: true,
      params: () => ({ repositoryName: "orders", imageIds: [{ imageTag: "latest" }] }),
    }),
    t("ecr", "PutImage", "ecr:PutImage", { params: (c) => ({ repositoryName: "orders", imageTag: c.rng.hex(7) }) }),
    t("logs", "CreateLogStream", "logs:CreateLogStream", {
      params: (c) => ({ logGroupName: "/aws/lambda/orders-api", logStreamName: c.rng.hex(16) }),
    }),
    t("logs", "DescribeLogGroups", "logs:DescribeLogGroups", { params: () => ({ limit: 50 }) }),
    t("cloudformation", "CreateStack", "cloudformation:CreateStack", {
      params: (c) => ({
        stackName: `app-${c.rng.hex(5)}`,
        roleARN: passRole(c),
        templateURL: "https://s3.amazonaws.com/ci-artifacts/app.yaml",
      }),
    }),
    t("cloudformation", "DescribeStacks", "cloudformation:DescribeStacks", { params: () => ({ stackName: "app" }) }),
    t("cloudformation", "UpdateStack", "cloudformation:UpdateStack", { params: () => ({ stackName: "app", usePreviousTemplate: true }) }),
    t("glue", "GetTable", "glue:GetTable", { params: () => ({ databaseName: "lake", name: "events" }) }),
    t("glue", "StartJobRun", "glue:StartJobRun", { params: () => ({ jobName: "daily-etl" }) }),
    t("athena", "StartQueryExecution", "athena:StartQueryExecution", {
      params: () => ({ queryString: "SELECT count(*) FROM events WHERE day = '2024-01-01'", workGroup: "primary" }),
    }),
    t("athena", "GetQueryResults", "athena:GetQueryResults", { params: (c) => ({ queryExecutionId: c.rng.uuid() }) }),
    t("states", "StartExecution", "states:StartExecution", {
      params: (c) => ({ stateMachineArn: `arn:aws:states:${c.region}:${c.account}:stateMachine:etl` }),
    }),
    t("events", "PutEvents", "events:PutEvents", { params: () => ({ entries: [{ source: "app.orders", detailType: "OrderPlaced" }] }) }),
    t("codebuild", "StartBuild", "codebuild:StartBuild", { params: () => ({ projectName: "orders" }) }),
    t("signin", "ConsoleLogin", "signin:ConsoleLogin", { global: true, params: () => null }),
  ].map((x) => [`${x.source}:${x.name}`, x]),
);
