import { describe, expect, it } from "vitest";
import { tagProblems } from "./tag-rules";

describe("tagProblems (IAM's tag rules)", () => {
  it.each([
    [
      "fine tags",
      [
        { key: "team", value: "payments" },
        { key: "cost center", value: "a/b:c=d+e-f@g_h.i" },
      ],
      [],
    ],
    ["an empty row is ignored", [{ key: "", value: "" }], []],
    ["unicode letters are allowed", [{ key: "équipe", value: "données" }], []],
    ["a value without key", [{ key: "", value: "x" }], [[0, "key", /Enter a key/]]],
    ["a bad character in the key", [{ key: "team#1", value: "" }], [[0, "key", /not "#"/]]],
    ["a bad character in the value", [{ key: "k", value: "a;b" }], [[0, "value", /not ";"/]]],
    ["the aws: prefix", [{ key: "AWS:createdBy", value: "x" }], [[0, "key", /reserved for AWS/]]],
    [
      "duplicates ignore case",
      [
        { key: "Team", value: "a" },
        { key: "team", value: "b" },
      ],
      [[1, "key", /tag 1 has the key/]],
    ],
    ["a key too long", [{ key: "k".repeat(129), value: "" }], [[0, "key", /129 characters; at most 128/]]],
    ["a value too long", [{ key: "k", value: "v".repeat(257) }], [[0, "value", /257 characters; at most 256/]]],
    ["too many", Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" })), [[50, "key", /at most 50 tags; remove 1/]]],
  ] as const)("%s", (_what, tags, expected) => {
    const problems = tagProblems([...tags]);
    expect(problems.map((p) => [p.index, p.field])).toEqual(expected.map(([i, f]) => [i, f]));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i][2]));
  });
});
