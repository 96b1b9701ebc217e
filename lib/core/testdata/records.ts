import type { CloudTrailRecord } from "../types";

export const ACCOUNT = "123456789012";
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/AppRole`;
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;

let counter = 0;

/** A CloudTrail record of the role AppRole unless overridden. */
export function roleEvent(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  counter++;
  return {
    eventVersion: "1.09",
    eventTime: "2026-05-10T12:00:00Z",
    eventSource: "s3.amazonaws.com",
    eventName: "ListBuckets",
    awsRegion: "us-east-1",
    eventID: `00000000-0000-0000-0000-${String(counter).padStart(12, "0")}`,
    eventType: "AwsApiCall",
    eventCategory: "Management",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    userIdentity: {
      type: "AssumedRole",
      principalId: "AROAEXAMPLE:session-1",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AppRole/session-1`,
      accountId: ACCOUNT,
      sessionContext: { sessionIssuer: { type: "Role", principalId: "AROAEXAMPLE", arn: ROLE_ARN, accountId: ACCOUNT, userName: "AppRole" } },
    },
    requestParameters: null,
    responseElements: null,
    ...overrides,
  };
}

export function userEvent(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return roleEvent({
    userIdentity: { type: "IAMUser", principalId: "AIDAEXAMPLE", arn: USER_ARN, accountId: ACCOUNT, userName: "alice" } as CloudTrailRecord["userIdentity"],
    ...overrides,
  });
}
