import { bench, describe } from "vitest";
import { parsePrincipalArn } from "./arn";
import { mapEvent } from "./mapping";
import { ROLE_ARN, roleEvent } from "./testdata/records";
import { UsageAccumulator } from "./usage";

// `npx vitest bench lib/core`: the per-record costs the scanner pays.
const principal = parsePrincipalArn(ROLE_ARN);
const window = { start: new Date("2026-05-01T00:00:00Z"), end: new Date("2026-05-31T00:00:00Z") };
const events = [
  ["s3.amazonaws.com", "GetObject"],
  ["ec2.amazonaws.com", "DescribeInstances"],
  ["lambda.amazonaws.com", "ListFunctions20150331"],
  ["kms.amazonaws.com", "Decrypt"],
  ["monitoring.amazonaws.com", "PutMetricData"],
];
const mine = Array.from({ length: 1000 }, (_, i) =>
  roleEvent({
    eventSource: events[i % 5][0],
    eventName: events[i % 5][1],
    eventID: `id${i}`,
    requestParameters: { bucketName: "b", key: `k${i}`, x: { y: `arn:aws:s3:::b/k${i % 100}` } },
    resources: [{ ARN: `arn:aws:s3:::b/k${i}` }],
  }),
);
const others = mine.map((r) => ({
  ...r,
  userIdentity: { ...r.userIdentity, sessionContext: { sessionIssuer: { arn: "arn:aws:iam::123456789012:role/Other" } } },
}));

describe("per record", () => {
  const acc = new UsageAccumulator(principal, window);
  bench("add: 1,000 of the principal's records", () => {
    for (const r of mine) acc.add(r);
  });
  bench("add: 1,000 records of someone else", () => {
    for (const r of others) acc.add(r);
  });
  bench("mapEvent: 1,000 cached lookups", () => {
    for (const r of mine) mapEvent(r.eventSource!, r.eventName!, r.requestParameters, r.eventType);
  });
});
