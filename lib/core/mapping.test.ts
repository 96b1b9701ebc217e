import { describe, expect, it } from "vitest";
import { actionExists, getActionInfo, serviceExists } from "./catalog";
import { mapEvent, mapRecord, parseDeniedAction, serviceForEventSource } from "./mapping";
import { EVENT_ACTIONS, PARTIQL_ACTIONS, S3_RENAMES, S3_VERSIONED, SOURCE_PREFIX_EXCEPTIONS } from "./mapping-tables";

const src = (s: string) => `${s}.amazonaws.com`;
const actionsOf = (source: string, name: string, params?: Record<string, unknown>) => {
  const m = mapEvent(src(source), name, params);
  return m.kind === "actions" ? m.actions : m.kind;
};

describe("the tables only name what the catalog knows", () => {
  it.each(Object.entries(SOURCE_PREFIX_EXCEPTIONS))("eventSource %s -> service %s", (source, prefix) => {
    expect(serviceExists(prefix)).toBe(true);
    expect(serviceForEventSource(src(source))).toBe(prefix);
  });
  it.each(Object.entries(S3_RENAMES))("s3 %s -> %j", (eventName, targets) => {
    for (const t of targets) expect(getActionInfo(`s3:${t}`)?.name).toBe(`s3:${t}`);
    // A rename is only needed when the API name is not itself an action.
    expect(actionExists(`s3:${eventName}`) && targets.length === 1 && targets[0] === eventName).toBe(false);
  });
  it.each(Object.entries(S3_VERSIONED))("s3 %s with versionId -> %s", (eventName, target) => {
    expect(getActionInfo(`s3:${target}`)?.name).toBe(`s3:${target}`);
    const mapped = actionsOf("s3", eventName, { versionId: "v1" });
    expect(mapped).toContain(`s3:${target}`);
  });
  it.each(Object.entries(EVENT_ACTIONS))("%s -> %j", (_event, targets) => {
    for (const t of targets) expect(getActionInfo(t)?.name).toBe(t);
  });
  it.each(Object.values(PARTIQL_ACTIONS))("%s", (action) => expect(actionExists(action)).toBe(true));
});

describe("mapEvent: names", () => {
  it.each([
    // same name under the source's prefix
    ["ec2", "DescribeInstances", ["ec2:DescribeInstances"]],
    ["iam", "GetRole", ["iam:GetRole"]],
    ["sts", "AssumeRole", ["sts:AssumeRole"]],
    ["kms", "Decrypt", ["kms:Decrypt"]],
    ["s3", "GetObject", ["s3:GetObject"]],
    ["s3", "PutObject", ["s3:PutObject"]],
    ["s3", "GetBucketPolicy", ["s3:GetBucketPolicy"]],
    // prefix exceptions
    ["monitoring", "PutMetricData", ["cloudwatch:PutMetricData"]],
    ["email", "SendEmail", ["ses:SendEmail"]],
    ["tagging", "GetResources", ["tag:GetResources"]],
    ["streams.dynamodb", "GetRecords", ["dynamodb:GetRecords"]],
    ["runtime.sagemaker", "InvokeEndpoint", ["sagemaker:InvokeEndpoint"]],
    ["cloudcontrolapi", "ListResources", ["cloudformation:ListResources"]],
    // version suffixes
    ["lambda", "ListFunctions20150331", ["lambda:ListFunctions"]],
    ["lambda", "GetFunction20150331v2", ["lambda:GetFunction"]],
    ["lambda", "UpdateFunctionCode20150331v2", ["lambda:UpdateFunctionCode"]],
    ["lambda", "AddPermission20150331v2", ["lambda:AddPermission"]],
    ["lambda", "ListTags20170331", ["lambda:ListTags"]],
    ["cloudfront", "CreateDistribution2020_05_31", ["cloudfront:CreateDistribution"]],
    ["cloudfront", "CreateInvalidation2019_03_26", ["cloudfront:CreateInvalidation"]],
    ["lambda", "Invoke", ["lambda:InvokeFunction"]],
    // S3 renames
    ["s3", "ListObjects", ["s3:ListBucket"]],
    ["s3", "ListObjectsV2", ["s3:ListBucket"]],
    ["s3", "HeadBucket", ["s3:ListBucket"]],
    ["s3", "ListObjectVersions", ["s3:ListBucketVersions"]],
    ["s3", "HeadObject", ["s3:GetObject"]],
    ["s3", "ListBuckets", ["s3:ListAllMyBuckets"]],
    ["s3", "CopyObject", ["s3:GetObject", "s3:PutObject"]],
    ["s3", "UploadPart", ["s3:PutObject"]],
    ["s3", "UploadPartCopy", ["s3:GetObject", "s3:PutObject"]],
    ["s3", "CreateMultipartUpload", ["s3:PutObject"]],
    ["s3", "CompleteMultipartUpload", ["s3:PutObject"]],
    ["s3", "DeleteObjects", ["s3:DeleteObject"]],
    ["s3", "GetBucketLifecycle", ["s3:GetLifecycleConfiguration"]],
    ["s3", "PutBucketLifecycleConfiguration", ["s3:PutLifecycleConfiguration"]],
    ["s3", "GetBucketCors", ["s3:GetBucketCORS"]],
    ["s3", "PutBucketCors", ["s3:PutBucketCORS"]],
    ["s3", "GetBucketEncryption", ["s3:GetEncryptionConfiguration"]],
    ["s3", "PutBucketEncryption", ["s3:PutEncryptionConfiguration"]],
    ["s3", "GetBucketNotificationConfiguration", ["s3:GetBucketNotification"]],
    ["s3", "DeleteBucketTagging", ["s3:PutBucketTagging"]],
    ["s3", "GetPublicAccessBlock", ["s3:GetBucketPublicAccessBlock"]],
    ["s3", "ListMultipartUploads", ["s3:ListBucketMultipartUploads"]],
    // one-to-many
    ["kms", "ReEncrypt", ["kms:ReEncryptFrom", "kms:ReEncryptTo"]],
    ["secretsmanager", "BatchGetSecretValue", ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"]],
    ["bedrock", "Converse", ["bedrock:InvokeModel"]],
    // API Gateway verbs
    ["apigateway", "GetRestApis", ["apigateway:GET"]],
    ["apigateway", "CreateDeployment", ["apigateway:POST"]],
    ["apigateway", "UpdateStage", ["apigateway:PATCH"]],
    ["apigateway", "DeleteStage", ["apigateway:DELETE"]],
    ["apigateway", "PutIntegration", ["apigateway:PUT"]],
    ["apigateway", "ImportRestApi", ["apigateway:POST"]],
    ["apigateway", "GetPortal", ["apigateway:GetPortal"]],
    // case-insensitive lookup, catalog spelling out
    ["iam", "getrole", ["iam:GetRole"]],
  ])("%s %s", (source, name, expected) => {
    expect(actionsOf(source, name)).toEqual(expected);
  });
});

describe("mapEvent: request-dependent cases", () => {
  it.each([
    ["s3", "GetObject", { versionId: "3" }, ["s3:GetObjectVersion"]],
    ["s3", "HeadObject", { versionId: "3" }, ["s3:GetObjectVersion"]],
    ["s3", "DeleteObject", { versionId: "3" }, ["s3:DeleteObjectVersion"]],
    ["s3", "GetObject", { versionId: null }, ["s3:GetObject"]],
    ["ec2", "RunInstances", { tagSpecificationSet: { items: [] } }, ["ec2:CreateTags", "ec2:RunInstances"]],
    ["ec2", "CreateVolume", { tagSpecificationSet: { items: [] } }, ["ec2:CreateTags", "ec2:CreateVolume"]],
    ["ec2", "RunInstances", {}, ["ec2:RunInstances"]],
    [
      "secretsmanager",
      "BatchGetSecretValue",
      { filters: [] },
      ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue", "secretsmanager:ListSecrets"],
    ],
    ["dynamodb", "ExecuteStatement", { statement: "select * from t" }, ["dynamodb:PartiQLSelect"]],
    [
      "dynamodb",
      "BatchExecuteStatement",
      { statements: [{ statement: "UPDATE t SET a=1" }, { statement: "DELETE FROM t" }] },
      ["dynamodb:PartiQLDelete", "dynamodb:PartiQLUpdate"],
    ],
    ["dynamodb", "ExecuteTransaction", { transactStatements: [{ statement: "INSERT INTO t VALUE {}" }] }, ["dynamodb:PartiQLInsert"]],
    ["dynamodb", "ExecuteStatement", {}, "unmapped"],
    ["dynamodb", "ExecuteStatement", { statement: "HELLO" }, "unmapped"],
  ])("%s %s %j", (source, name, params, expected) => {
    expect(actionsOf(source, name, params)).toEqual(expected);
  });
});

describe("mapEvent: no permission, unmapped", () => {
  it.each([
    ["signin", "ConsoleLogin", undefined, "noPermission"],
    ["signin", "CheckMfa", undefined, "noPermission"],
    ["signin", "SwitchRole", undefined, "noPermission"],
    ["sts", "GetSessionToken", undefined, "noPermission"],
    ["sts", "GetCallerIdentity", undefined, "noPermission"],
    ["ec2", "SharedSnapshotCopyInitiated", "AwsServiceEvent", "noPermission"],
    ["signin", "ConsoleLogin", "AwsConsoleSignIn", "noPermission"],
    ["ec2", "NoSuchOperation", undefined, "unmapped"],
    ["nosuchservice", "DoThing", undefined, "unmapped"],
    ["lambda", "ListFunctions2015033", undefined, "unmapped"], // not a real suffix
    ["lambda", "NoSuchThing20150331", undefined, "unmapped"], // stripped name does not exist
    ["apigateway", "FrobnicateWidgets", undefined, "unmapped"],
    ["ec2", "", undefined, "unmapped"],
  ])("%s %s (%s) -> %s", (source, name, eventType, kind) => {
    expect(mapEvent(src(source), name, null, eventType).kind).toBe(kind);
  });

  it("keeps the service of an unmapped event when the service is known", () => {
    expect(mapEvent(src("ec2"), "NoSuchOperation")).toMatchObject({ kind: "unmapped", service: "ec2" });
    expect(mapEvent(src("nosuchservice"), "DoThing")).toEqual({ kind: "unmapped", reason: expect.stringMatching(/not a service/) });
  });

  it("maps whole records", () => {
    expect(mapRecord({ eventSource: src("s3"), eventName: "GetObject", requestParameters: { versionId: "1" } })).toEqual({
      kind: "actions",
      service: "s3",
      actions: ["s3:GetObjectVersion"],
    });
    expect(mapRecord({})).toMatchObject({ kind: "unmapped" });
  });
});

describe("parseDeniedAction", () => {
  it.each([
    [
      "User: arn:aws:sts::123456789012:assumed-role/R/s is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action",
      "lambda:ListFunctions",
    ],
    [
      "You are not authorized to perform this operation. User: arn:aws:iam::1:user/u is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows it",
      "ec2:DescribeInstances",
    ],
    ["User: x is not authorized to perform: iam:passrole on resource: arn:aws:iam::1:role/r", "iam:PassRole"],
    ["User: x is not authorized to perform: newsvc:FutureThing", "newsvc:FutureThing"],
    ["Access Denied", undefined],
    [undefined, undefined],
  ])("%j -> %s", (message, action) => expect(parseDeniedAction(message)).toBe(action));
});

describe("every emitted action is in the catalog", () => {
  it("for a broad sample of events", () => {
    const sources = [
      "s3",
      "ec2",
      "iam",
      "lambda",
      "monitoring",
      "kms",
      "sts",
      "dynamodb",
      "apigateway",
      "cloudfront",
      "logs",
      "sns",
      "sqs",
      "secretsmanager",
      "ssm",
      "ecs",
      "eks",
      "rds",
    ];
    const names = [
      ...Object.keys(S3_RENAMES),
      "Describe",
      "GetRestApis",
      "List",
      "Invoke",
      "ReEncrypt",
      "GetObject",
      "RunInstances",
      "ListFunctions20150331",
      "CreateStack",
      "DescribeTable",
    ];
    for (const s of sources) {
      for (const n of names) {
        const m = mapEvent(src(s), n, { versionId: "1", tagSpecificationSet: {}, filters: [] });
        if (m.kind === "actions") for (const a of m.actions) expect(getActionInfo(a)?.name, `${s} ${n}`).toBe(a);
      }
    }
  });
});
