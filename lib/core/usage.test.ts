import { describe, expect, it } from "vitest";
import { parsePrincipalArn } from "./arn";
import { ACCOUNT, ROLE_ARN, roleEvent } from "./testdata/records";
import type { CloudTrailRecord } from "./types";
import { emptyUsage, mergeUsage, UsageAccumulator } from "./usage";

const principal = parsePrincipalArn(ROLE_ARN);
const window = { start: new Date("2026-05-01T00:00:00Z"), end: new Date("2026-05-31T23:59:59Z") };

function summarize(records: CloudTrailRecord[]) {
  const acc = new UsageAccumulator(principal, window);
  for (const r of records) acc.add(r);
  return acc.summary();
}

describe("UsageAccumulator.add", () => {
  it.each<[string, Partial<CloudTrailRecord>, boolean]>([
    ["inside the window", {}, true],
    ["at the start (inclusive)", { eventTime: "2026-05-01T00:00:00Z" }, true],
    ["at the end (inclusive)", { eventTime: "2026-05-31T23:59:59Z" }, true],
    ["before the window", { eventTime: "2026-04-30T23:59:59Z" }, false],
    ["after the window", { eventTime: "2026-06-01T00:00:00Z" }, false],
    ["without eventTime", { eventTime: undefined }, false],
    ["with a garbage eventTime", { eventTime: "yesterday" }, false],
    ["of another principal", { userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${ACCOUNT}:user/bob` } }, false],
  ])("%s", (_name, overrides, expected) => {
    const acc = new UsageAccumulator(principal, window);
    expect(acc.add(roleEvent(overrides))).toBe(expected);
    expect(acc.summary().eventsMatched).toBe(expected ? 1 : 0);
  });
});

describe("UsageAccumulator.summary", () => {
  it("collects evidence per action", () => {
    const s = summarize([
      roleEvent({
        eventName: "ListObjectsV2",
        eventID: "b",
        awsRegion: "eu-west-1",
        eventTime: "2026-05-03T00:00:00Z",
        resources: [{ ARN: "arn:aws:s3:::bucket-a", type: "AWS::S3::Bucket" }],
      }),
      roleEvent({
        eventName: "HeadBucket",
        eventID: "a",
        eventTime: "2026-05-02T00:00:00Z",
        requestParameters: { bucketName: "b", nested: [{ x: "arn:aws:s3:::bucket-b" }] },
      }),
    ]);
    expect(s.actions["s3:ListBucket"]).toEqual({
      action: "s3:ListBucket",
      service: "s3",
      accessLevel: "List",
      calls: 2,
      firstSeen: "2026-05-02T00:00:00.000Z",
      lastSeen: "2026-05-03T00:00:00.000Z",
      regions: ["eu-west-1", "us-east-1"],
      eventNames: ["HeadBucket", "ListObjectsV2"],
      sampleEventIds: ["a", "b"],
      resourceArns: ["arn:aws:s3:::bucket-a", "arn:aws:s3:::bucket-b"],
      dataEventsOnly: false,
    });
  });

  it("keeps failed calls as denied, never as actions", () => {
    const s = summarize([
      roleEvent({
        eventSource: "lambda.amazonaws.com",
        eventName: "ListFunctions20150331",
        errorCode: "AccessDenied",
        errorMessage: `User: arn:aws:sts::${ACCOUNT}:assumed-role/AppRole/s is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action`,
      }),
      roleEvent({
        eventSource: "s3.amazonaws.com",
        eventName: "GetObject",
        errorCode: "AccessDenied",
        errorMessage: "Access Denied",
        eventCategory: "Data",
        managementEvent: false,
      }),
      roleEvent({ eventSource: "iam.amazonaws.com", eventName: "Frobnicate", errorCode: "AccessDenied" }),
    ]);
    expect(s.actions).toEqual({});
    expect(s.denied["lambda.amazonaws.com:ListFunctions20150331:AccessDenied"]).toMatchObject({ action: "lambda:ListFunctions", calls: 1 });
    expect(s.denied["s3.amazonaws.com:GetObject:AccessDenied"]).toMatchObject({ action: "s3:GetObject", errorMessage: "Access Denied" });
    expect(s.denied["iam.amazonaws.com:Frobnicate:AccessDenied"].action).toBeUndefined();
  });

  it("counts unmapped events, no-permission calls and service-level services", () => {
    const s = summarize([
      roleEvent({ eventSource: "ec2.amazonaws.com", eventName: "NotARealOperation" }),
      roleEvent({ eventSource: "ec2.amazonaws.com", eventName: "NotARealOperation" }),
      roleEvent({ eventSource: "nosuchservice.amazonaws.com", eventName: "Do" }),
      roleEvent({ eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", eventType: "AwsConsoleSignIn" }),
      roleEvent({ eventSource: "sts.amazonaws.com", eventName: "GetCallerIdentity" }),
      roleEvent({ eventSource: "s3.amazonaws.com", eventName: "GetObject", eventCategory: "NetworkActivity" }),
    ]);
    expect(s.unmapped).toEqual({
      "ec2.amazonaws.com:NotARealOperation": { eventSource: "ec2.amazonaws.com", eventName: "NotARealOperation", service: "ec2", calls: 2 },
      "nosuchservice.amazonaws.com:Do": { eventSource: "nosuchservice.amazonaws.com", eventName: "Do", calls: 1 },
    });
    expect(s.serviceLevel).toEqual({ ec2: { service: "ec2", calls: 2, eventNames: ["NotARealOperation"] } });
    expect(s.noPermissionCalls).toBe(3);
    expect(s.eventsMatched).toBe(6);
    expect(s.actions).toEqual({});
  });

  it("flags data-only actions and invoking services", () => {
    const s = summarize([
      roleEvent({ eventName: "GetObject", eventCategory: "Data", managementEvent: false }),
      roleEvent({
        eventSource: "kms.amazonaws.com",
        eventName: "Decrypt",
        userIdentity: { ...roleEvent().userIdentity, invokedBy: "s3.amazonaws.com" },
      }),
    ]);
    expect(s.actions["s3:GetObject"].dataEventsOnly).toBe(true);
    expect(s.actions["kms:Decrypt"].invokedBy).toEqual(["s3.amazonaws.com"]);
    expect(s.actions["kms:Decrypt"].dataEventsOnly).toBe(false);
  });

  it("counts calls of optional-only actions that named no fitting resource", () => {
    const stack = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1";
    const s = summarize([
      roleEvent({ eventSource: "cloudformation.amazonaws.com", eventName: "DescribeStacks", requestParameters: { stackName: stack } }),
      roleEvent({ eventSource: "cloudformation.amazonaws.com", eventName: "DescribeStacks" }),
      roleEvent({
        eventSource: "cloudformation.amazonaws.com",
        eventName: "DescribeStacks",
        requestParameters: { stackName: "arn:aws:s3:::not-a-stack" },
      }),
      roleEvent({ eventSource: "ec2.amazonaws.com", eventName: "StartInstances" }),
    ]);
    expect(s.actions["cloudformation:DescribeStacks"].unscopedCalls).toBe(2);
    expect(s.actions["ec2:StartInstances"].unscopedCalls).toBeUndefined(); // has a required type
    expect(
      summarize([roleEvent({ eventName: "GetObject", resources: [{ ARN: "arn:aws:s3:::b/k" }] })]).actions["s3:GetObject"].unscopedCalls,
    ).toBeUndefined();
  });

  it("suggests iam:PassRole for roles handed to services", () => {
    const s = summarize([
      roleEvent({
        eventSource: "lambda.amazonaws.com",
        eventName: "CreateFunction20150331",
        requestParameters: { functionName: "f", role: `arn:aws:iam::${ACCOUNT}:role/lambda-exec` },
      }),
      roleEvent({
        eventSource: "ec2.amazonaws.com",
        eventName: "RunInstances",
        requestParameters: { iamInstanceProfile: { name: "web" } },
      }),
    ]);
    expect(s.passRole).toEqual({
      [`arn:aws:iam::${ACCOUNT}:instance-profile/web`]: {
        roleArn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
        viaActions: ["ec2:RunInstances"],
        calls: 1,
        lastSeen: "2026-05-10T12:00:00.000Z",
        kind: "instance-profile",
        passedToService: ["ec2.amazonaws.com"],
      },
      [`arn:aws:iam::${ACCOUNT}:role/lambda-exec`]: {
        roleArn: `arn:aws:iam::${ACCOUNT}:role/lambda-exec`,
        viaActions: ["lambda:CreateFunction"],
        calls: 1,
        lastSeen: "2026-05-10T12:00:00.000Z",
        kind: "role",
        passedToService: ["lambda.amazonaws.com"],
      },
    });
  });

  it("bounds samples to the smallest event IDs and ARNs", () => {
    const records = Array.from({ length: 80 }, (_, i) =>
      roleEvent({
        eventID: `id-${String(79 - i).padStart(3, "0")}`,
        resources: [{ ARN: `arn:aws:s3:::bucket-${String(i).padStart(3, "0")}` }],
      }),
    );
    const ev = summarize(records).actions["s3:ListAllMyBuckets"];
    expect(ev.calls).toBe(80);
    expect(ev.sampleEventIds).toEqual(["id-000", "id-001", "id-002", "id-003", "id-004"]);
    expect(ev.resourceArns).toHaveLength(50);
    expect(ev.resourceArns[49]).toBe("arn:aws:s3:::bucket-049");
  });
});

describe("UsageAccumulator with malformed records", () => {
  const identity = roleEvent().userIdentity;
  it.each<[string, unknown]>([
    ["null", null],
    ["a string", "not a record"],
    ["an empty object", {}],
    ["userIdentity not an object", { userIdentity: "x" }],
    ["sessionContext null", { userIdentity: { type: "AssumedRole", sessionContext: null } }],
    ["everything else missing", { userIdentity: identity, eventTime: "2026-05-10T00:00:00Z" }],
    [
      "odd field types",
      {
        userIdentity: identity,
        eventTime: "2026-05-10T00:00:00Z",
        eventSource: 5,
        eventName: ["x"],
        awsRegion: {},
        eventID: 7,
        resources: "x",
        requestParameters: "x",
      },
    ],
    [
      "resources with junk",
      {
        userIdentity: identity,
        eventTime: "2026-05-10T00:00:00Z",
        eventSource: "s3.amazonaws.com",
        eventName: "ListBuckets",
        resources: [null, 1, { ARN: 5 }, { ARN: "arn:aws:s3:::ok" }],
      },
    ],
    [
      "a numeric errorCode",
      {
        userIdentity: identity,
        eventTime: "2026-05-10T00:00:00Z",
        eventSource: "s3.amazonaws.com",
        eventName: "ListBuckets",
        errorCode: 403,
      },
    ],
    [
      "deep request parameters",
      {
        userIdentity: identity,
        eventTime: "2026-05-10T00:00:00Z",
        eventSource: "s3.amazonaws.com",
        eventName: "ListBuckets",
        requestParameters: JSON.parse("[".repeat(2000) + "]".repeat(2000)),
      },
    ],
  ])("%s does not throw", (_name, record) => {
    const acc = new UsageAccumulator(principal, window);
    expect(() => acc.add(record as CloudTrailRecord)).not.toThrow();
    const s = acc.summary();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(Object.keys(s.actions).every((a) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))).toBe(true);
  });

  it("a numeric errorCode is still a failed call", () => {
    const acc = new UsageAccumulator(principal, window);
    acc.add({ ...roleEvent(), errorCode: 403 as unknown as string });
    expect(acc.summary().actions).toEqual({});
    expect(Object.keys(acc.summary().denied)).toEqual(["s3.amazonaws.com:ListBuckets:403"]);
  });
});

describe("mergeUsage", () => {
  const records = [
    roleEvent({ eventName: "ListBuckets", eventTime: "2026-05-02T00:00:00Z", eventID: "x1", awsRegion: "eu-west-1" }),
    roleEvent({ eventName: "ListBuckets", eventTime: "2026-05-05T00:00:00Z", eventID: "x2" }),
    roleEvent({ eventName: "GetObject", eventCategory: "Data", managementEvent: false, resources: [{ ARN: "arn:aws:s3:::b/k" }] }),
    roleEvent({ eventSource: "ec2.amazonaws.com", eventName: "NotReal" }),
    roleEvent({
      eventSource: "lambda.amazonaws.com",
      eventName: "GetFunction",
      errorCode: "AccessDenied",
      errorMessage: "no: is not authorized to perform: lambda:GetFunction",
      eventTime: "2026-05-04T00:00:00Z",
    }),
    roleEvent({
      eventSource: "lambda.amazonaws.com",
      eventName: "GetFunction",
      errorCode: "AccessDenied",
      errorMessage: "later message",
      eventTime: "2026-05-06T00:00:00Z",
    }),
    roleEvent({ eventSource: "sts.amazonaws.com", eventName: "GetCallerIdentity" }),
    roleEvent({
      eventSource: "ecs.amazonaws.com",
      eventName: "RegisterTaskDefinition",
      requestParameters: { taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/task`, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec` },
    }),
  ];

  it("equals a single pass, for every split and order (associative, commutative)", () => {
    const whole = summarize(records);
    for (let cut = 0; cut <= records.length; cut++) {
      const a = summarize(records.slice(0, cut));
      const b = summarize(records.slice(cut));
      expect(mergeUsage(a, b)).toEqual(whole);
      expect(mergeUsage(b, a)).toEqual(whole);
      expect(JSON.stringify(mergeUsage(b, a))).toBe(JSON.stringify(whole));
    }
    const parts = [summarize(records.slice(0, 2)), summarize(records.slice(2, 5)), summarize(records.slice(5))];
    expect(mergeUsage(mergeUsage(parts[0], parts[1]), parts[2])).toEqual(mergeUsage(parts[0], mergeUsage(parts[1], parts[2])));
    expect(whole.denied["lambda.amazonaws.com:GetFunction:AccessDenied"]).toMatchObject({
      calls: 2,
      errorMessage: "later message",
      action: "lambda:GetFunction",
    });
  });

  it("gives the same summary for any order of many records", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sources = [
      ["s3.amazonaws.com", "GetObject"],
      ["s3.amazonaws.com", "ListObjectsV2"],
      ["ec2.amazonaws.com", "DescribeInstances"],
      ["lambda.amazonaws.com", "GetFunction20150331v2"],
      ["ec2.amazonaws.com", "Nope"],
    ];
    const many = Array.from({ length: 400 }, (_, i) => {
      const [eventSource, eventName] = sources[Math.floor(rand() * sources.length)];
      return roleEvent({
        eventSource,
        eventName,
        eventID: `e${Math.floor(rand() * 1e6)}`,
        eventTime: `2026-05-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}T00:00:00Z`,
        awsRegion: ["us-east-1", "eu-west-1", "ap-south-1"][i % 3],
        resources: [{ ARN: `arn:aws:s3:::b${Math.floor(rand() * 80)}/k` }],
        ...(rand() < 0.1 ? { errorCode: "AccessDenied", errorMessage: `m${Math.floor(rand() * 5)}` } : {}),
      });
    });
    const reference = JSON.stringify(summarize(many));
    for (let round = 0; round < 5; round++) {
      const shuffled = [...many].sort(() => rand() - 0.5);
      expect(JSON.stringify(summarize(shuffled))).toBe(reference);
      const cuts = [0, Math.floor(rand() * 400), 400].sort((a, b) => a - b);
      const merged = mergeUsage(summarize(shuffled.slice(cuts[1])), summarize(shuffled.slice(cuts[0], cuts[1])));
      expect(JSON.stringify(merged)).toBe(reference);
    }
  });

  it("has emptyUsage as identity and survives JSON", () => {
    const whole = summarize(records);
    const viaJson = JSON.parse(JSON.stringify(whole));
    expect(mergeUsage(emptyUsage(ROLE_ARN, window), viaJson)).toEqual(whole);
    expect(emptyUsage(ROLE_ARN, window)).toEqual(summarize([]));
  });

  it("refuses to merge different principals", () => {
    expect(() => mergeUsage(emptyUsage(ROLE_ARN, window), emptyUsage(`arn:aws:iam::${ACCOUNT}:user/bob`, window))).toThrow(/Cannot merge/);
  });
});
