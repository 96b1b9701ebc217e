import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const T_ACCOUNT = "111122223333";
export const T_ROLE = "arn:aws:iam::111122223333:role/TargetRole";

/** Writes one object into a day folder of a local trail (tests of bad input). */
export async function writeDayObject(dir: string, region: string, day: string, name: string, content: Buffer | string): Promise<string> {
  const folder = path.join(dir, "AWSLogs", T_ACCOUNT, "CloudTrail", region, ...day.split("-"));
  await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
  const file = path.join(folder, name);
  await writeFile(file, content);
  return file;
}

export const gz = (text: string) => gzipSync(Buffer.from(text));

export function roleRecord(over: Record<string, unknown> = {}, arn = T_ROLE): Record<string, unknown> {
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "AssumedRole",
      principalId: "AROAEXAMPLE:s",
      arn: "arn:aws:sts::111122223333:assumed-role/TargetRole/s",
      accountId: T_ACCOUNT,
      sessionContext: { sessionIssuer: { type: "Role", principalId: "AROAEXAMPLE", arn, accountId: T_ACCOUNT, userName: "TargetRole" } },
    },
    eventTime: "2026-02-28T10:00:00Z",
    eventSource: "sqs.amazonaws.com",
    eventName: "ListQueues",
    awsRegion: "us-east-1",
    requestParameters: null,
    responseElements: null,
    eventID: "00000000-0000-4000-8000-000000000001",
    eventType: "AwsApiCall",
    recipientAccountId: T_ACCOUNT,
    ...over,
  };
}
