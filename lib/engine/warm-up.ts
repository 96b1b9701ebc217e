import { gzipSync } from "node:zlib";
import type { Principal } from "@/lib/core/types";
import { scanFile } from "./scan-file";

// A prestarted worker waits while the CLI loads the IAM catalog and its other modules (tens to
// hundreds of milliseconds). It spends part of that wait running its reading path (gunzip, the fast record scanner,
// the candidates' text) on a small synthetic log file, so that V8 has optimized that code before the
// first real file arrives: a cold worker reads its first few hundred files 2-3x slower, which is
// most of a short window's reading time. The warm-up stops as soon as real work arrives.

/** at most this long, and only while no file has been listed */
export const WARM_UP_BUDGET_MS = 80;
const RECORDS = 120;

/** A compact CloudTrail log file: most records another role's, some the principal's, a few escaped. */
export function warmUpLog(principal: Principal): Buffer {
  const other = `arn:${principal.partition}:iam::${principal.accountId}:role/warm-up-other`;
  const records: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const issuer = i % 8 === 0 ? principal.arn : other;
    const record = {
      eventVersion: "1.08",
      userIdentity: {
        type: "AssumedRole",
        principalId: `AROAWARMUP:session-${i}`,
        arn: `${issuer.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/")}/session-${i}`,
        accountId: principal.accountId,
        sessionContext: {
          sessionIssuer: { type: "Role", arn: issuer, accountId: principal.accountId },
          attributes: { creationDate: "2026-01-01T00:00:00Z", mfaAuthenticated: "false" },
        },
      },
      eventTime: `2026-01-01T00:${String(i % 60).padStart(2, "0")}:00Z`,
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      awsRegion: "us-east-1",
      sourceIPAddress: "192.0.2.1",
      userAgent: i % 13 === 0 ? "aws-cli/2.0 \u00e9" : "aws-cli/2.0",
      requestParameters: { bucketName: "warm-up", key: i % 11 === 0 ? "a/b\\c" : `k/${i}` },
      responseElements: null,
      requestID: `REQ${i}`,
      eventID: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
      readOnly: true,
      resources: [{ type: "AWS::S3::Object", ARN: `arn:${principal.partition}:s3:::warm-up/k/${i}` }],
      eventType: "AwsApiCall",
      managementEvent: false,
      recipientAccountId: principal.accountId,
      eventCategory: "Data",
    };
    // CloudTrail writes "/" as "\/" now and then: exercise the escape branch too.
    const text = JSON.stringify(record);
    records.push(i % 17 === 0 ? text.replace("k/", "k\\/") : text);
  }
  return gzipSync(`{"Records":[${records.join(",")}]}`);
}

/**
 * Runs the reading path on the synthetic file until the budget is spent or `stop()` says real work
 * has come; yields between files so the worker's messages are handled. Never throws.
 */
export async function warmUp(principal: Principal, stop: () => boolean, budgetMs = WARM_UP_BUDGET_MS): Promise<number> {
  const until = performance.now() + budgetMs;
  let runs = 0;
  try {
    const compressed = warmUpLog(principal);
    while (!stop() && performance.now() < until) {
      await scanFile({ file: "(warm-up)", compressed, principal, fastPath: true });
      runs++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch {
    // a warm-up that fails costs nothing but its time
  }
  return runs;
}
