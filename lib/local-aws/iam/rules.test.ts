import { describe, expect, it } from "vitest";
import { IamError } from "./iam-error";
import {
  checkDescription,
  checkMaxItems,
  checkName,
  checkPath,
  checkPathPrefix,
  checkPolicyArn,
  checkTags,
  checkVersionId,
  mergeTags,
} from "./rules";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return `${error.code}:${error.status}`;
    throw error;
  }
  return "ok";
}

describe("IAM naming rules", () => {
  it.each([
    ["app-backend", 64, "ok"],
    ["a+b=c,d.e@f_g-h", 64, "ok"],
    ["x".repeat(64), 64, "ok"],
    ["x".repeat(65), 64, "ValidationError:400"],
    ["x".repeat(128), 128, "ok"],
    ["x".repeat(129), 128, "ValidationError:400"],
    ["", 64, "ValidationError:400"],
    ["has space", 64, "ValidationError:400"],
    ["slash/name", 64, "ValidationError:400"],
    ["ünïcode", 64, "ValidationError:400"],
  ] as const)("name %j (max %i) -> %s", (name, max, expected) => {
    expect(codeOf(() => checkName(name, "roleName", max))).toBe(expected);
  });

  it("names a missing parameter the way IAM does", () => {
    expect(() => checkName(undefined, "roleName", 64)).toThrow(
      "Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([
    ["/", "ok"],
    ["/service-role/", "ok"],
    ["/a/b/c/", "ok"],
    ["/no-trailing", "ValidationError:400"],
    ["no-leading/", "ValidationError:400"],
    ["/with space/", "ValidationError:400"],
    [`/${"p".repeat(511)}/`, "ValidationError:400"],
  ])("path %j -> %s", (path, expected) => {
    expect(codeOf(() => checkPath(path))).toBe(expected);
  });

  it("defaults the path and path prefix to /", () => {
    expect(checkPath(undefined)).toBe("/");
    expect(checkPathPrefix(undefined)).toBe("/");
    expect(codeOf(() => checkPathPrefix("/service-role"))).toBe("ok");
    expect(codeOf(() => checkPathPrefix("service-role/"))).toBe("ValidationError:400");
  });

  it.each([
    ["plain words, digits 123 and ümlauts", "ok"],
    ["x".repeat(1000), "ok"],
    ["x".repeat(1001), "ValidationError:400"],
    ["emoji 🚀", "ValidationError:400"],
  ])("description %#", (text, expected) => {
    expect(codeOf(() => checkDescription(text))).toBe(expected);
  });

  it.each([
    [undefined, "ok"],
    [1, "ok"],
    [1000, "ok"],
    [0, "ValidationError:400"],
    [1001, "ValidationError:400"],
    [NaN, "ValidationError:400"],
  ])("MaxItems %s -> %s", (n, expected) => {
    expect(codeOf(() => checkMaxItems(n))).toBe(expected);
  });

  it.each([
    ["v1", "ok"],
    ["v12", "ok"],
    ["v0", "ValidationError:400"],
    ["1", "ValidationError:400"],
  ])("version id %s -> %s", (id, expected) => {
    expect(codeOf(() => checkVersionId(id))).toBe(expected);
  });

  it.each([
    ["arn:aws:iam::123456789012:policy/app", "ok"],
    ["arn:aws:iam::123456789012:policy/team/app", "ok"],
    ["arn:aws:iam::aws:policy/AdministratorAccess", "ok"],
    ["arn:aws:iam::123456789012:role/app", "InvalidInput:400"],
    ["arn:aws:iam::12345:policy/app", "InvalidInput:400"],
    ["short", "ValidationError:400"],
  ])("policy ARN %s -> %s", (arn, expected) => {
    expect(codeOf(() => checkPolicyArn(arn))).toBe(expected);
  });
});

describe("tags", () => {
  it.each([
    [[{ Key: "team", Value: "payments" }], "ok"],
    [[{ Key: "cost-center:id", Value: "" }], "ok"],
    [[{ Key: "", Value: "x" }], "ValidationError:400"],
    [[{ Key: "k".repeat(129), Value: "x" }], "ValidationError:400"],
    [[{ Key: "k", Value: "v".repeat(257) }], "ValidationError:400"],
    [[{ Key: "bad*key", Value: "x" }], "ValidationError:400"],
    [[{ Key: "aws:reserved", Value: "x" }], "InvalidInput:400"],
    [
      [
        { Key: "Team", Value: "a" },
        { Key: "team", Value: "b" },
      ],
      "InvalidInput:400",
    ],
    [Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })), "ValidationError:400"],
  ])("tags %# -> %s", (tags, expected) => {
    expect(codeOf(() => checkTags(tags))).toBe(expected);
  });

  it("merges by case-insensitive key and caps the total at 50", () => {
    expect(
      mergeTags(
        [{ Key: "Team", Value: "a" }],
        [
          { Key: "team", Value: "b" },
          { Key: "env", Value: "prod" },
        ],
      ),
    ).toEqual([
      { Key: "team", Value: "b" },
      { Key: "env", Value: "prod" },
    ]);
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect(codeOf(() => mergeTags(fifty, [{ Key: "one-more", Value: "v" }]))).toBe("LimitExceeded:409");
  });
});
