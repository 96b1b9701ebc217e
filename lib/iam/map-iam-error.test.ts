import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { mapIamError } from "./map-iam-error";

const sdkError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("mapIamError", () => {
  it.each([
    ["NoSuchEntityException", "The role with name x cannot be found.", "NOT_FOUND", undefined, /refresh/],
    [
      "EntityAlreadyExistsException",
      "A policy called p already exists. Duplicate names are not allowed.",
      "CONFLICT",
      "name",
      /Choose another name/,
    ],
    ["LimitExceededException", "Cannot exceed quota for PolicySize: 6144", "VALIDATION", "document", /6,144-character/],
    [
      "LimitExceededException",
      "Cannot exceed quota for PoliciesPerRole: 10",
      "CONFLICT",
      "attach",
      /maximum number of managed policies attached \(10\)/,
    ],
    ["LimitExceededException", "A managed policy can have up to 5 versions.", "CONFLICT", undefined, /5 versions/],
    ["MalformedPolicyDocumentException", '"s3:Nope" is not an action of s3.', "VALIDATION", "document", /Fix it in the editor/],
    [
      "ValidationError",
      "1 validation error detected: Value 'a b' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      "VALIDATION",
      "name",
      /only letters, digits/,
    ],
    [
      "ValidationError",
      "1 validation error detected: Value '/x' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
      "VALIDATION",
      "path",
      /start and end with "\/"/,
    ],
    [
      "ValidationError",
      "1 validation error detected: Value 'ddd' at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000",
      "VALIDATION",
      "description",
      /at most 1000/,
    ],
    ["InvalidInputException", 'User-defined tag keys can\'t start with "aws:".', "VALIDATION", "tags", /aws:/],
    [
      "AccessDenied",
      "User: arn:aws:iam::1:user/x is not authorized to perform: iam:CreatePolicy",
      "FORBIDDEN",
      undefined,
      /is not allowed to call iam:CreatePolicy\. Grant iam:CreatePolicy/,
    ],
    [
      "InvalidClientTokenId",
      "The security token included in the request is invalid.",
      "AWS_CREDENTIALS",
      undefined,
      /credentials this Leastwise server runs with were refused \(InvalidClientTokenId\).*your console session is fine/,
    ],
    [
      "ExpiredToken",
      "The security token included in the request is expired",
      "AWS_CREDENTIALS",
      undefined,
      /An administrator of the server must renew them/,
    ],
    ["CredentialsProviderError", "Could not load credentials from any providers", "AWS_CREDENTIALS", undefined, /has no AWS credentials/],
    ["ThrottlingException", "Rate exceeded", "THROTTLED", undefined, /try again/],
    ["Error", "connect ECONNREFUSED 127.0.0.1:1", "SERVICE_UNAVAILABLE", undefined, /could not be reached/],
    ["WeirdException", "something odd", "IAM_ERROR", undefined, /AWS answered WeirdException \(HTTP 400\)/],
  ])("%s (%s) -> %s", (name, message, code, field, text) => {
    const mapped = mapIamError(sdkError(name, message), { doing: "create the policy", permission: "iam:CreatePolicy" });
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.field).toBe(field);
    expect(mapped.userMessage).toMatch(/^Could not create the policy: /);
    expect(mapped.userMessage).toMatch(text);
    expect(mapped.details?.awsMessage).toBe(message);
  });

  it("refused server credentials are never a 401 (the console reads 401 as its own session ending)", () => {
    for (const name of ["InvalidClientTokenId", "ExpiredToken", "SignatureDoesNotMatch", "CredentialsProviderError"]) {
      expect(mapIamError(sdkError(name, "x", 403), { doing: "list the roles" }).status).not.toBe(401);
    }
  });

  it("passes AppErrors through unchanged", () => {
    const original = new AppError("VALIDATION", "already plain", { field: "name" });
    expect(mapIamError(original, { doing: "x" })).toBe(original);
  });
});
