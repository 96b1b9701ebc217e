// Deeply nested JSON in the editor must give a clear validation error, never a stack overflow
// (issue 11, item 10). The policy-analysis route hands the text (up to 200,000 characters) to this.
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "@/lib/core/json-ast";
import { analyzePolicy } from "./analyze-policy";

const usage = { actions: {}, passRole: {} };
const nested = (depth: number, open = "[", close = "]") =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":${open.repeat(depth)}"x"${close.repeat(depth)}}}}]}`;

describe("policy analysis of deeply nested JSON", () => {
  it.each([
    ["arrays 90,000 deep", nested(90_000)],
    ["objects 30,000 deep", nested(30_000, '{"a":', "}")],
    ["one level over the bound", nested(MAX_JSON_DEPTH)],
  ])("answers a nesting error for %s", (_, text) => {
    const a = analyzePolicy({ text, usage });
    expect(a.errorCount).toBe(1);
    expect(a.markers[0]).toMatchObject({ severity: "error", code: "INVALID_JSON" });
    expect(a.markers[0].message).toMatch(new RegExp(`nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`));
    expect(a.parts).toBeNull();
    expect(a.summary).toBeNull();
    expect(a.placeholders).toEqual([]);
  });

  it("still analyzes a document nested just within the bound", () => {
    // The document itself takes 6 levels ({ Statement [ { Condition { StringEquals { ...).
    const a = analyzePolicy({ text: nested(MAX_JSON_DEPTH - 6), usage });
    expect(a.markers.some((m) => /levels deep/.test(m.message))).toBe(false);
  });
});
