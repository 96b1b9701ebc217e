import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildGeneratedPolicies, MANAGED_POLICY_MAX_CHARS, policyLength } from "./policy";
import { validatePolicyDocument } from "./validate-policy";
import { goldenUsage, type GoldenCase } from "./testdata/golden-input";

// Golden files pin the exact output format. After a deliberate change, review the diff of
// `UPDATE_GOLDEN=1 npx vitest run lib/core/policy.golden.test.ts`.
const dir = join(fileURLToPath(new URL(".", import.meta.url)), "testdata", "golden");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("generated policy golden files", () => {
  it("has golden files", () => expect(files.length).toBeGreaterThanOrEqual(6));

  it.each(files)("%s", (file) => {
    const path = join(dir, file);
    const golden = JSON.parse(readFileSync(path, "utf8")) as GoldenCase;
    const result = buildGeneratedPolicies(goldenUsage(golden), golden.options);
    const actual = { isComplete: result.isComplete, policies: result.policies.map((p) => JSON.parse(p.policy)) };
    if (process.env.UPDATE_GOLDEN === "1") {
      writeFileSync(path, `${JSON.stringify({ ...golden, expected: actual }, null, 2)}\n`);
      return;
    }
    expect(golden.expected, `${file} has no expected output; run with UPDATE_GOLDEN=1 and review`).toBeDefined();
    expect(actual).toEqual(golden.expected);
    // The serialized form is compact JSON with keys in the documented order.
    result.policies.forEach((p, i) => expect(p.policy).toBe(JSON.stringify(golden.expected!.policies[i])));
    for (const p of result.policies) {
      expect(policyLength(p.policy)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
      // What we generate is valid IAM; only placeholders are left for the reviewer.
      const findings = validatePolicyDocument(p.policy, { kind: "identity" });
      expect(findings.filter((f) => f.code !== "PLACEHOLDER_LEFT")).toEqual([]);
      if (!golden.options.includeResourcePlaceholders) expect(findings).toEqual([]);
    }
  });
});
