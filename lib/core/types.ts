// Shared contracts of the generation engine. Pure data: the core, the log scanner, the jobs, the API
// and the console all speak these shapes. Change them only with every caller in view.

/** A CloudTrail record as it appears in a log file (only the fields the engine reads are typed). */
export interface CloudTrailRecord {
  eventVersion?: string;
  eventTime?: string;
  eventSource?: string;
  eventName?: string;
  awsRegion?: string;
  eventID?: string;
  eventType?: string;
  eventCategory?: string;
  managementEvent?: boolean;
  readOnly?: boolean;
  errorCode?: string;
  errorMessage?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  recipientAccountId?: string;
  userIdentity?: {
    type?: string;
    principalId?: string;
    arn?: string;
    accountId?: string;
    invokedBy?: string;
    sessionContext?: {
      sessionIssuer?: { type?: string; principalId?: string; arn?: string; accountId?: string; userName?: string };
      attributes?: Record<string, unknown>;
    };
  };
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  resources?: Array<{ ARN?: string; accountId?: string; type?: string }>;
  [key: string]: unknown;
}

/** The principal a generation is for, parsed from its ARN. */
export interface Principal {
  arn: string;
  partition: string; // aws | aws-cn | aws-us-gov ...
  accountId: string;
  kind: "role" | "user";
  /** name with path, e.g. "service-role/MyRole" */
  nameWithPath: string;
  name: string;
}

/** The time window of a generation (inclusive bounds). */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** Evidence kept for one IAM action: why it is in the policy. JSON-serializable. */
export interface ActionEvidence {
  action: string; // "s3:GetObject" (catalog spelling)
  service: string; // IAM prefix, "s3"
  accessLevel?: string; // "Read" | "Write" | "List" | "Tagging" | "Permissions management"
  calls: number;
  firstSeen: string; // ISO-8601
  lastSeen: string; // ISO-8601
  regions: string[]; // sorted
  eventNames: string[]; // CloudTrail eventNames that led to this action, sorted
  sampleEventIds: string[]; // at most 5
  resourceArns: string[]; // observed ARNs (from `resources` and request parameters), at most 50, sorted
  /** true when seen only in data events (eventCategory Data) */
  dataEventsOnly?: boolean;
  /** services that made some of these calls with the principal's credentials (userIdentity.invokedBy), sorted */
  invokedBy?: string[];
  /**
   * for actions whose resource types are all optional: calls where no observed ARN fit any of them
   * (e.g. DescribeStacks without a stack name, which needs "*")
   */
  unscopedCalls?: number;
}

/** A failed call of the principal: never a permission, shown to the user as "attempted but denied". */
export interface DeniedAttempt {
  eventSource: string;
  eventName: string;
  /** the action named by the error message, or the mapped action, or undefined */
  action?: string;
  errorCode: string;
  errorMessage?: string;
  calls: number;
  lastSeen: string;
  sampleEventIds: string[];
}

/** A suggested iam:PassRole on observed role ARNs (never logged by CloudTrail). */
export interface PassRoleSuggestion {
  roleArn: string;
  /** the calls that handed the role to a service, e.g. "lambda:CreateFunction" */
  viaActions: string[];
  calls: number;
  lastSeen: string;
  /** "instance-profile" when the call named an instance profile (PassRole applies to the role inside it) */
  kind?: "role" | "instance-profile";
  /** iam:PassedToService values AWS's operation map lists for the calls, sorted (absent: not listed) */
  passedToService?: string[];
}

/** Events the engine saw for the principal but could not turn into a known action. */
export interface UnmappedEvent {
  eventSource: string;
  eventName: string;
  service?: string; // IAM prefix when the service is known
  calls: number;
}

/**
 * Everything a scan learned about the principal's activity. JSON-serializable and mergeable
 * (workers each build one; the core merges them). Policies are built from it on demand.
 */
export interface UsageSummary {
  principalArn: string;
  window: { start: string; end: string };
  actions: Record<string, ActionEvidence>; // keyed by action
  /** services the principal used that are known only at service level (no action-level info) */
  serviceLevel: Record<string, { service: string; calls: number; eventNames: string[] }>;
  denied: Record<string, DeniedAttempt>; // keyed by `${eventSource}:${eventName}:${errorCode}`
  passRole: Record<string, PassRoleSuggestion>; // keyed by role ARN
  unmapped: Record<string, UnmappedEvent>; // keyed by `${eventSource}:${eventName}`
  /** calls that need no IAM permission (ConsoleLogin, sts:GetSessionToken, ...) */
  noPermissionCalls: number;
  eventsMatched: number;
}

/** Counters of a scan, reported as progress and kept with the result. */
export interface ScanStats {
  filesListed: number;
  filesRead: number;
  filesTotal: number; // known once listing is done; equals filesListed then
  filesSkipped: number; // bad files, with a warning each
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  eventsMatched: number;
}

export interface ScanWarning {
  file: string; // path or s3://bucket/key
  code: "CORRUPT_GZIP" | "TRUNCATED_JSON" | "NOT_CLOUDTRAIL" | "EMPTY_FILE" | "BAD_RECORD" | "UNEXPECTED_LAYOUT" | "READ_ERROR";
  message: string;
}

/** Where a trail's logs live. */
export type LogSource =
  | { kind: "local"; dir: string; prefix?: string }
  | {
      kind: "s3";
      bucket: string;
      prefix?: string;
      endpoint?: string; // S3-compatible endpoint; path-style is forced when set
      region?: string;
      credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      /** the credentials are a session of this role: assume it again before `expiresAt` (ISO) */
      assumeRole?: { roleArn: string; sessionName: string; expiresAt: string };
    };

/** One scan request: what the engine needs to read logs and attribute them. */
export interface ScanRequest {
  principalArn: string;
  window: TimeWindow;
  source: LogSource;
  /** accounts whose AWSLogs/<account>/ folders are read; default [principal's account] */
  accounts?: string[];
  /** regions to read, or "all" (every region folder present); us-east-1 is always added for global services */
  regions: string[] | "all";
  orgId?: string;
}

/** Options of GetGeneratedPolicy, also the CLI's --no-placeholders / --service-level. */
export interface PolicyBuildOptions {
  includeResourcePlaceholders: boolean;
  includeServiceLevelTemplate: boolean;
}

/** The object GetGeneratedPolicy returns under generatedPolicyResult.generatedPolicies. */
export interface GeneratedPolicy {
  policy: string; // the JSON document, serialized
}

/** A validation finding on a policy document (for the editor's markers and the IAM endpoint). */
export interface PolicyFinding {
  severity: "error" | "warning";
  code: string; // e.g. UNKNOWN_ACTION, BAD_ARN, PLACEHOLDER_LEFT, INVALID_JSON, TOO_LONG
  message: string;
  /** JSON path of the offending value, e.g. ["Statement", 1, "Action", 0] */
  path: (string | number)[];
  /** for INVALID_JSON: the offset in the text where parsing failed */
  offset?: number;
}
