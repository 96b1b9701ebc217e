import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkPolicyInputs, policyNames } from "./policy-inputs";

const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

function fieldOf(input: Parameters<typeof checkPolicyInputs>[0]): string {
  try {
    checkPolicyInputs(input);
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.field ?? "(none)";
    throw error;
  }
}

describe("policy inputs", () => {
  it("numbers split policies and keeps a single one as named", () => {
    expect(policyNames("app", 1)).toEqual(["app"]);
    expect(policyNames("app", 3)).toEqual(["app-1", "app-2", "app-3"]);
  });

  it.each([
    ["a valid request", { baseName: "app-least", documents: [doc] }, "ok"],
    ["no documents", { baseName: "a", documents: [] }, "document"],
    ["an empty name", { baseName: "", documents: [doc] }, "name"],
    ["a name with spaces", { baseName: "my policy", documents: [doc] }, "name"],
    ["a name at 128 for one document", { baseName: "n".repeat(128), documents: [doc] }, "ok"],
    ["a name that grows past 128 once numbered", { baseName: "n".repeat(127), documents: [doc, doc] }, "name"],
    ["a bad path", { baseName: "a", path: "team", documents: [doc] }, "path"],
    ["a long description", { baseName: "a", description: "d".repeat(1001), documents: [doc] }, "description"],
    ["51 tags", { baseName: "a", tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" })), documents: [doc] }, "tags"],
    ["invalid JSON in the second document", { baseName: "a", documents: [doc, "{"] }, "document"],
    [
      "an over-long document",
      {
        baseName: "a",
        documents: [
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) },
            ],
          }),
        ],
      },
      "document",
    ],
  ])("%s -> %s", (_, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });
});
