import { describe, expect, it } from "vitest";
import { endSentence } from "./errors";

describe("endSentence", () => {
  it.each([
    ["Could not create the policy: the role already has 10 policies", "Could not create the policy: the role already has 10 policies."],
    ["Done.", "Done."],
    ["Really?", "Really?"],
    ['He said "stop."', 'He said "stop."'],
    ["trailing space  ", "trailing space."],
  ])("%j -> %j", (input, output) => {
    expect(endSentence(input)).toBe(output);
    // what create-managed-policies appends after it
    expect(`${endSentence(input)} Nothing was created.`).not.toMatch(/[^.!?"'] Nothing was created/);
  });
});
