/**
 * Facts the event -> action mapping needs beyond "same name under the service prefix". Every target
 * here is checked against the IAM catalog by mapping.test.ts, so a catalog update that renames an
 * action fails the tests instead of emitting a name IAM rejects.
 */

/** eventSource (without ".amazonaws.com") whose IAM prefix is not the source's own name. */
export const SOURCE_PREFIX_EXCEPTIONS: Readonly<Record<string, string>> = {
  monitoring: "cloudwatch",
  email: "ses",
  tagging: "tag",
  appstream2: "appstream",
  "models.lex": "lex",
  "runtime.lex": "lex",
  "mturk-requester": "mechanicalturk",
  "streams.dynamodb": "dynamodb",
  amazonmq: "mq",
  "application-insights": "applicationinsights",
  billingconsole: "billing",
  "chime-sdk-media-pipelines": "chime",
  "chime-sdk-voice": "chime",
  cloudcontrolapi: "cloudformation",
  "contact-lens": "connect",
  "participant-connect": "connect",
  "agreement-marketplace": "aws-marketplace",
  "discovery-marketplace": "aws-marketplace",
  "reporting-marketplace": "aws-marketplace",
  marketplacecatalog: "aws-marketplace",
  "management-marketplace": "aws-marketplace-management",
  migrationhub: "mgh",
  opensearchservice: "es",
  es: "es",
  pinpoint: "mobiletargeting",
  pricelist: "pricing",
  qconnect: "wisdom",
  rdsdata: "rds-data",
  "servicecatalog-appregistry": "servicecatalog",
  taxconsole: "tax",
  transcribestreaming: "transcribe",
  // Not in the mapping note's table; the actions are the base service's (iot:GetThingShadow,
  // bedrock:InvokeAgent...), and a name that is not an action of it stays unmapped anyway.
  iotdata: "iot",
  "bedrock-runtime": "bedrock",
  "bedrock-agent": "bedrock",
  "bedrock-agent-runtime": "bedrock",
  // AWS Marketplace Metering Service (MeterUsage, BatchMeterUsage, RegisterUsage, ResolveCustomer):
  // AWS's operation map lists these under aws-marketplace.
  "metering-marketplace": "aws-marketplace",
};

/** Whole event sources whose events need no IAM permission (console sign-in flow). */
export const NO_PERMISSION_SOURCES: ReadonlySet<string> = new Set(["signin.amazonaws.com"]);

/**
 * Events that need no IAM permission: AWS documents that no permissions are required to call
 * sts:GetCallerIdentity (an explicit Deny does not even stop it) or sts:GetSessionToken. Both are
 * treated alike: counted as no-permission calls, never put in a policy. See docs/core.md.
 */
export const NO_PERMISSION_EVENTS: ReadonlySet<string> = new Set([
  "sts.amazonaws.com:GetCallerIdentity",
  "sts.amazonaws.com:GetSessionToken",
]);

/** Event types that are not API calls made by the principal. */
export const NO_PERMISSION_EVENT_TYPES: ReadonlySet<string> = new Set(["AwsConsoleSignIn", "AwsServiceEvent"]);

/**
 * S3 API operations whose IAM action has another name (built by comparing the S3 API operation list
 * with the catalog's s3 actions). Several targets = the call needs all of them.
 */
export const S3_RENAMES: Readonly<Record<string, readonly string[]>> = {
  ListObjects: ["ListBucket"],
  ListObjectsV2: ["ListBucket"],
  HeadBucket: ["ListBucket"],
  ListObjectVersions: ["ListBucketVersions"],
  ListBuckets: ["ListAllMyBuckets"],
  HeadObject: ["GetObject"],
  SelectObjectContent: ["GetObject"],
  CopyObject: ["PutObject", "GetObject"], // GetObject on the copy source
  UploadPartCopy: ["PutObject", "GetObject"],
  UploadPart: ["PutObject"],
  CreateMultipartUpload: ["PutObject"],
  CompleteMultipartUpload: ["PutObject"],
  PostObject: ["PutObject"],
  DeleteObjects: ["DeleteObject"],
  ListMultipartUploads: ["ListBucketMultipartUploads"],
  ListParts: ["ListMultipartUploadParts"],
  GetBucketLifecycle: ["GetLifecycleConfiguration"],
  GetBucketLifecycleConfiguration: ["GetLifecycleConfiguration"],
  PutBucketLifecycle: ["PutLifecycleConfiguration"],
  PutBucketLifecycleConfiguration: ["PutLifecycleConfiguration"],
  DeleteBucketLifecycle: ["PutLifecycleConfiguration"],
  GetBucketCors: ["GetBucketCORS"],
  PutBucketCors: ["PutBucketCORS"],
  DeleteBucketCors: ["PutBucketCORS"],
  GetBucketEncryption: ["GetEncryptionConfiguration"],
  PutBucketEncryption: ["PutEncryptionConfiguration"],
  DeleteBucketEncryption: ["PutEncryptionConfiguration"],
  GetBucketNotificationConfiguration: ["GetBucketNotification"],
  PutBucketNotificationConfiguration: ["PutBucketNotification"],
  DeleteBucketTagging: ["PutBucketTagging"],
  GetBucketReplication: ["GetReplicationConfiguration"],
  PutBucketReplication: ["PutReplicationConfiguration"],
  DeleteBucketReplication: ["PutReplicationConfiguration"],
  GetBucketAccelerateConfiguration: ["GetAccelerateConfiguration"],
  PutBucketAccelerateConfiguration: ["PutAccelerateConfiguration"],
  GetBucketAnalyticsConfiguration: ["GetAnalyticsConfiguration"],
  PutBucketAnalyticsConfiguration: ["PutAnalyticsConfiguration"],
  DeleteBucketAnalyticsConfiguration: ["PutAnalyticsConfiguration"],
  ListBucketAnalyticsConfigurations: ["GetAnalyticsConfiguration"],
  GetBucketMetricsConfiguration: ["GetMetricsConfiguration"],
  PutBucketMetricsConfiguration: ["PutMetricsConfiguration"],
  DeleteBucketMetricsConfiguration: ["PutMetricsConfiguration"],
  ListBucketMetricsConfigurations: ["GetMetricsConfiguration"],
  GetBucketInventoryConfiguration: ["GetInventoryConfiguration"],
  PutBucketInventoryConfiguration: ["PutInventoryConfiguration"],
  DeleteBucketInventoryConfiguration: ["PutInventoryConfiguration"],
  ListBucketInventoryConfigurations: ["GetInventoryConfiguration"],
  GetBucketIntelligentTieringConfiguration: ["GetIntelligentTieringConfiguration"],
  PutBucketIntelligentTieringConfiguration: ["PutIntelligentTieringConfiguration"],
  DeleteBucketIntelligentTieringConfiguration: ["PutIntelligentTieringConfiguration"],
  ListBucketIntelligentTieringConfigurations: ["GetIntelligentTieringConfiguration"],
  GetObjectLockConfiguration: ["GetBucketObjectLockConfiguration"],
  PutObjectLockConfiguration: ["PutBucketObjectLockConfiguration"],
  DeleteBucketOwnershipControls: ["PutBucketOwnershipControls"],
  GetPublicAccessBlock: ["GetBucketPublicAccessBlock"],
  PutPublicAccessBlock: ["PutBucketPublicAccessBlock"],
  DeletePublicAccessBlock: ["PutBucketPublicAccessBlock"],
  DeleteBucketPublicAccessBlock: ["PutBucketPublicAccessBlock"],
  DeleteAccountPublicAccessBlock: ["PutAccountPublicAccessBlock"],
  // The metadata V2 API is authorized by the older *TableConfiguration actions (plus S3 Tables ones
  // on the table bucket, which the log does not name).
  CreateBucketMetadataConfiguration: ["CreateBucketMetadataTableConfiguration"],
  GetBucketMetadataConfiguration: ["GetBucketMetadataTableConfiguration"],
  DeleteBucketMetadataConfiguration: ["DeleteBucketMetadataTableConfiguration"],
};

/**
 * S3 object operations that need the *Version* action when the request names a versionId
 * (s3:GetObject on a version is s3:GetObjectVersion).
 */
export const S3_VERSIONED: Readonly<Record<string, string>> = {
  GetObject: "GetObjectVersion",
  HeadObject: "GetObjectVersion",
  DeleteObject: "DeleteObjectVersion",
  GetObjectAcl: "GetObjectVersionAcl",
  PutObjectAcl: "PutObjectVersionAcl",
  GetObjectTagging: "GetObjectVersionTagging",
  PutObjectTagging: "PutObjectVersionTagging",
  DeleteObjectTagging: "DeleteObjectVersionTagging",
  GetObjectAttributes: "GetObjectVersionAttributes",
  GetObjectTorrent: "GetObjectVersionTorrent",
};

/**
 * Hand-written event -> actions rules outside S3, keyed "prefix:EventName" -> full action names
 * (cross-service targets allowed). AWS's operation map (operation-map.ts) answers everything else;
 * each rule here is where CloudTrail or least privilege differs from that map:
 */
export const EVENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  // AWS lists ListSecrets too, which only the `filters` form needs (added then, see mapping.ts).
  "secretsmanager:BatchGetSecretValue": ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"],
  // CloudTrail logs these S3 Object Lambda and S3 Express calls with eventSource s3.amazonaws.com;
  // AWS's map has them under their own prefixes.
  "s3:WriteGetObjectResponse": ["s3-object-lambda:WriteGetObjectResponse"],
  "s3:ListDirectoryBuckets": ["s3express:ListAllMyDirectoryBuckets"],
  "s3:CreateSession": ["s3express:CreateSession"],
  // The Converse API is authorized by the InvokeModel actions. AWS also lists ApplyGuardrail,
  // InvokeTool and CallWithBearerToken, which only guardrails, tools and API keys need.
  "bedrock:Converse": ["bedrock:InvokeModel"],
  "bedrock:ConverseStream": ["bedrock:InvokeModelWithResponseStream"],
  // AWS's map lists no authorized action for Glue's GetUnfiltered* operations (used by engines that
  // integrate with Lake Formation), and the catalog has no action by these names: they read the
  // table and partitions they name, which Glue authorizes with GetTable / GetPartition(s).
  "glue:GetUnfilteredTableMetadata": ["glue:GetTable"],
  "glue:GetUnfilteredPartitionMetadata": ["glue:GetPartition"],
  "glue:GetUnfilteredPartitionsMetadata": ["glue:GetPartitions"],
};

/**
 * API Gateway's management API is authorized by HTTP verb (apigateway:GET, POST, PUT, PATCH,
 * DELETE) on the resource path. The verb follows the operation's name; exceptions listed first.
 */
export const APIGATEWAY_VERB_EXCEPTIONS: Readonly<Record<string, string>> = {
  ImportRestApi: "POST",
  ImportApiKeys: "POST",
  ImportDocumentationParts: "PUT",
  PutRestApi: "PUT",
  TagResource: "PUT",
  UntagResource: "DELETE",
  FlushStageCache: "DELETE",
  FlushStageAuthorizersCache: "DELETE",
  ResetAuthorizersCache: "DELETE",
  TestInvokeMethod: "POST",
  TestInvokeAuthorizer: "POST",
  GenerateClientCertificate: "POST",
  ReimportApi: "PUT",
  ImportApi: "PUT",
};

export const APIGATEWAY_VERB_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ["Get", "GET"],
  ["Create", "POST"],
  ["Update", "PATCH"],
  ["Delete", "DELETE"],
  ["Put", "PUT"],
];

/** Version suffixes on eventNames (Lambda, CloudFront...). Stripped only when the result exists. */
export const VERSION_SUFFIXES: readonly RegExp[] = [/\d{8}(v\d+)?$/, /\d{4}_\d{2}_\d{2}$/];

/**
 * DynamoDB's PartiQL operations are authorized per statement kind; the statement text is in the
 * request parameters. Without it the event stays unmapped (never guessed).
 */
export const PARTIQL_EVENTS: ReadonlySet<string> = new Set(["ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"]);
export const PARTIQL_ACTIONS: Readonly<Record<string, string>> = {
  SELECT: "dynamodb:PartiQLSelect",
  INSERT: "dynamodb:PartiQLInsert",
  UPDATE: "dynamodb:PartiQLUpdate",
  DELETE: "dynamodb:PartiQLDelete",
};
