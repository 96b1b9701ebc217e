import { locateJsonPath } from "@/lib/core/locate";
import { MANAGED_POLICY_MAX_CHARS, policyLength, splitPolicyDocument } from "@/lib/core/policy";
import type { UsageSummary } from "@/lib/core/types";
import { unscopedWriteFindings } from "@/lib/core/unscoped-writes";
import { validatePolicyDocument } from "@/lib/core/validate-policy";
import { findPlaceholderResources } from "./placeholder-fill";
import type { PolicyAnalysis } from "./policy-analysis-types";
import { summarizePolicy } from "./summarize-policy";

/** Everything the Customize and Review steps show about the editor's text. */
export function analyzePolicy(options: { text: string; usage: Pick<UsageSummary, "actions" | "passRole"> }): PolicyAnalysis {
  const { text } = options;
  const findings = validatePolicyDocument(text, { kind: "identity" });
  const markers = findings.map((f) => {
    const range = locateJsonPath(text, f.path);
    return { severity: f.severity, code: f.code, message: f.message, start: range.startOffset, end: range.endOffset };
  });
  let doc: unknown = null;
  // Not JSON to the validator (a syntax error, or nesting too deep for the walkers below): no doc.
  if (!findings.some((f) => f.code === "INVALID_JSON")) {
    try {
      doc = JSON.parse(text);
    } catch {
      doc = null;
    }
  }
  const isPolicy = !!doc && typeof doc === "object" && !Array.isArray(doc);
  // Write and permissions-management actions on "*": shown as problems the administrator must
  // acknowledge before the policy is created (the wizard asks).
  if (isPolicy && !findings.some((f) => f.severity === "error")) {
    for (const f of unscopedWriteFindings(doc)) {
      const range = locateJsonPath(text, f.path);
      markers.push({ severity: f.severity, code: f.code, message: f.message, start: range.startOffset, end: range.endOffset });
    }
  }
  let parts: PolicyAnalysis["parts"] = null;
  if (isPolicy && Array.isArray((doc as { Statement?: unknown }).Statement)) {
    try {
      parts = splitPolicyDocument(doc as object).map((p) => {
        const statements = ((p as { Statement?: unknown[] }).Statement ?? []) as { Sid?: string }[];
        return {
          length: policyLength(JSON.stringify(p)),
          statements: statements.length,
          sids: statements.map((s, i) => s.Sid ?? `#${i + 1}`),
        };
      });
    } catch {
      // A single statement longer than the limit cannot be split: the TOO_LONG finding says so.
      parts = null;
    }
  }
  // Too long for one policy but splittable: the split preview explains it, creating splits it.
  const splittable = !!parts && parts.length > 1 && parts.every((p) => p.length <= MANAGED_POLICY_MAX_CHARS);
  const shown = splittable ? markers.filter((m) => m.code !== "TOO_LONG") : markers;
  return {
    markers: shown,
    errorCount: shown.filter((m) => m.severity === "error").length,
    length: policyLength(text),
    maxLength: MANAGED_POLICY_MAX_CHARS,
    parts,
    placeholders: isPolicy ? findPlaceholderResources(doc, options.usage) : [],
    summary: isPolicy ? summarizePolicy(doc) : null,
  };
}
