import { describe, expect, it } from "vitest";
import { createJsonLocator, locateJsonPath, offsetToLineColumn } from "./locate";
import { validatePolicyDocument } from "./validate-policy";

const doc = (statement: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statement, ...extra }, null, 2);
const allow = (more: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...more });

describe("validatePolicyDocument: clean documents", () => {
  it.each([
    ["a simple statement", doc([allow()])],
    ["a single statement object", doc(allow())],
    ["wildcards that match", doc([allow({ Action: ["s3:Get*", "ec2:Describe*", "iam:*", "*"] })])],
    ["case-insensitive action names", doc([allow({ Action: "S3:getobject" })])],
    ["NotAction and NotResource", doc([{ Effect: "Deny", NotAction: "iam:*", NotResource: "arn:aws:iam::123456789012:role/x" }])],
    ["policy variables", doc([allow({ Resource: "arn:aws:s3:::b/${aws:username}/*" })])],
    ["a variable with a default", doc([allow({ Resource: "arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*" })])],
    [
      "a condition",
      doc([
        allow({
          Condition: {
            StringEquals: { "aws:RequestedRegion": ["eu-west-1"] },
            "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": "a*" },
            Bool: { "aws:SecureTransport": true },
          },
        }),
      ]),
    ],
    ["Resource *", doc([allow({ Resource: "*" })])],
    ["an action name with a hyphen", doc([allow({ Action: "vpc-lattice:AssociateViaAWSService-EventsAndStates" })])],
  ])("%s", (_name, text) => {
    expect(validatePolicyDocument(text, { kind: "identity" })).toEqual([]);
  });
});

describe("validatePolicyDocument: findings", () => {
  it.each([
    ["empty text", "", "error", "INVALID_JSON", []],
    ["truncated JSON", '{"Version": "2012-10-17", "Statement": [', "error", "INVALID_JSON", []],
    ["trailing comma", '{"Version": "2012-10-17",}', "error", "INVALID_JSON", []],
    ["not an object", "[]", "error", "SCHEMA", []],
    ["unknown top-level key", doc([allow()], { Foo: 1 }), "error", "SCHEMA", ["Foo"]],
    ["bad version", doc([allow()], { Version: "2020-01-01" }), "error", "SCHEMA", ["Version"]],
    ["missing version", JSON.stringify({ Statement: [allow()] }), "warning", "MISSING_VERSION", []],
    ["no statement", JSON.stringify({ Version: "2012-10-17" }), "error", "SCHEMA", []],
    ["empty statement list", doc([]), "error", "SCHEMA", ["Statement"]],
    ["statement not an object", doc(["x"]), "error", "SCHEMA", ["Statement", 0]],
    ["no effect", doc([{ Action: "s3:GetObject", Resource: "*" }]), "error", "SCHEMA", ["Statement", 0]],
    ["bad effect", doc([allow({ Effect: "allow" })]), "error", "SCHEMA", ["Statement", 0, "Effect"]],
    ["no action", doc([{ Effect: "Allow", Resource: "*" }]), "error", "SCHEMA", ["Statement", 0]],
    ["Action and NotAction", doc([allow({ NotAction: "s3:PutObject" })]), "error", "SCHEMA", ["Statement", 0, "NotAction"]],
    ["action not a string", doc([allow({ Action: 5 })]), "error", "SCHEMA", ["Statement", 0, "Action"]],
    ["empty action list", doc([allow({ Action: [] })]), "error", "SCHEMA", ["Statement", 0, "Action"]],
    [
      "unknown action",
      doc([allow({ Action: ["s3:GetObject", "s3:GetObjects"] })]),
      "error",
      "UNKNOWN_ACTION",
      ["Statement", 0, "Action", 1],
    ],
    ["unknown service", doc([allow({ Action: "nosuch:GetThing" })]), "error", "UNKNOWN_SERVICE", ["Statement", 0, "Action"]],
    ["wildcard matching nothing", doc([allow({ Action: "s3:Frob*" })]), "error", "UNKNOWN_ACTION", ["Statement", 0, "Action"]],
    ["malformed action", doc([allow({ Action: "s3GetObject" })]), "error", "BAD_ACTION", ["Statement", 0, "Action"]],
    ["no resource", doc([{ Effect: "Allow", Action: "s3:GetObject" }]), "error", "SCHEMA", ["Statement", 0]],
    ["malformed ARN", doc([allow({ Resource: ["*", "arn:aws:s3"] })]), "error", "BAD_ARN", ["Statement", 0, "Resource", 1]],
    ["not an ARN", doc([allow({ Resource: "my-bucket" })]), "error", "BAD_ARN", ["Statement", 0, "Resource"]],
    ["bad partition", doc([allow({ Resource: "arn:awz:s3:::b" })]), "error", "BAD_ARN", ["Statement", 0, "Resource"]],
    ["placeholder partition", doc([allow({ Resource: "arn:${Partition}:s3:::b" })]), "error", "BAD_ARN", ["Statement", 0, "Resource"]],
    ["wildcard service in an ARN", doc([allow({ Resource: "arn:aws:s3*:::b" })]), "error", "BAD_ARN", ["Statement", 0, "Resource"]],
    [
      "region in an IAM ARN",
      doc([allow({ Resource: "arn:aws:iam:us-east-1:123456789012:role/x" })]),
      "error",
      "BAD_ARN",
      ["Statement", 0, "Resource"],
    ],
    ["short account", doc([allow({ Resource: "arn:aws:iam::1234:role/x" })]), "warning", "BAD_ACCOUNT", ["Statement", 0, "Resource"]],
    [
      "placeholder left",
      doc([allow({ Resource: "arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}" })]),
      "warning",
      "PLACEHOLDER_LEFT",
      ["Statement", 0, "Resource"],
    ],
    ["principal in an identity policy", doc([allow({ Principal: "*" })]), "error", "SCHEMA", ["Statement", 0, "Principal"]],
    ["unknown statement key", doc([allow({ Actions: "s3:GetObject" })]), "error", "SCHEMA", ["Statement", 0, "Actions"]],
    ["bad sid", doc([allow({ Sid: "my sid" })]), "error", "SCHEMA", ["Statement", 0, "Sid"]],
    ["duplicate sid", doc([allow({ Sid: "A" }), allow({ Sid: "A" })]), "error", "DUPLICATE_SID", ["Statement", 1, "Sid"]],
    [
      "duplicate key",
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}',
      "error",
      "DUPLICATE_KEY",
      ["Statement", 0, "Effect"],
    ],
    [
      "bad condition operator",
      doc([allow({ Condition: { StringEqual: { "aws:x": "y" } } })]),
      "error",
      "BAD_CONDITION",
      ["Statement", 0, "Condition", "StringEqual"],
    ],
    [
      "bad condition value",
      doc([allow({ Condition: { StringEquals: { "aws:x": { a: 1 } } } })]),
      "error",
      "SCHEMA",
      ["Statement", 0, "Condition", "StringEquals", "aws:x"],
    ],
    ["too long", doc([allow({ Action: Array.from({ length: 500 }, () => "s3:GetObject") })]), "error", "TOO_LONG", []],
  ])("%s", (_name, text, severity, code, path) => {
    const findings = validatePolicyDocument(text, { kind: "identity" });
    expect(findings).toContainEqual(expect.objectContaining({ severity, code, path }));
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
  });

  it("reports the position of a syntax error", () => {
    const [finding] = validatePolicyDocument('{\n  "Version": "2012-10-17"\n  "Statement": []\n}', { kind: "identity" });
    expect(finding).toMatchObject({ code: "INVALID_JSON", offset: 30 });
    expect(finding.message).toMatch(/line 3, column 3/);
  });

  it("checks the account's partition when told", () => {
    const text = doc([allow({ Resource: ["arn:aws:s3:::b", "arn:aws-cn:s3:::c", "arn:*:s3:::d"] })]);
    expect(validatePolicyDocument(text, { kind: "identity", partition: "aws-cn" })).toEqual([
      expect.objectContaining({ severity: "error", code: "BAD_ARN", path: ["Statement", 0, "Resource", 0] }),
    ]);
    expect(validatePolicyDocument(text, { kind: "identity" })).toEqual([]);
  });

  it("can make placeholders errors (for endpoints that must refuse them)", () => {
    const findings = validatePolicyDocument(doc([allow({ Resource: "arn:aws:s3:::${BucketName}" })]), {
      kind: "identity",
      placeholders: "error",
    });
    expect(findings).toEqual([expect.objectContaining({ severity: "error", code: "PLACEHOLDER_LEFT" })]);
  });
});

describe("locateJsonPath", () => {
  const text =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:Nope"], "Resource": "*" }\n  ]\n}';
  it.each([
    [["Statement", 0, "Action", 1], '"s3:Nope"'],
    [["Statement", 0, "Effect"], '"Allow"'],
    [["Version"], '"2012-10-17"'],
    [["Statement", 0, "Missing"], '{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:Nope"], "Resource": "*" }'],
    [[], text],
  ])("%j", (path, expected) => {
    const { startOffset, endOffset } = locateJsonPath(text, path);
    expect(text.slice(startOffset, endOffset)).toBe(expected);
  });

  it("locates every finding of a document with one parse", () => {
    const bad = JSON.stringify(
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:Nope", "ec2:Nah"], Resource: "my-bucket" }] },
      null,
      1,
    );
    const locate = createJsonLocator(bad);
    const marked = validatePolicyDocument(bad, { kind: "identity" }).map((f) => {
      const r = locate(f.path);
      return bad.slice(r.startOffset, r.endOffset);
    });
    expect(marked).toEqual(['"s3:Nope"', '"ec2:Nah"', '"my-bucket"']);
  });

  it("points at a syntax error", () => {
    expect(locateJsonPath('{"a": tru}', ["a"])).toEqual({ startOffset: 6, endOffset: 7 });
  });

  it.each([
    [0, 1, 1],
    [4, 2, 2],
    [7, 3, 1],
  ])("offset %i -> line %i column %i", (offset, line, column) => {
    expect(offsetToLineColumn("ab\ncde\nf", offset)).toEqual({ line, column });
  });
});
