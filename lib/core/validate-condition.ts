import type { JsonNode } from "./json-ast";
import type { PolicyFinding } from "./types";

type Path = (string | number)[];
type Add = (severity: PolicyFinding["severity"], code: string, message: string, path: Path) => void;

// IAM condition operators (the "IfExists" forms and ForAnyValue:/ForAllValues: prefixes are derived).
const OPERATORS = new Set([
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
]);

export function isConditionOperator(name: string): boolean {
  const base = name.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
  return OPERATORS.has(base) && !(name.endsWith("IfExists") && base === "Null");
}

/** Shape of a Condition block: { Operator: { key: value | [values] } }. */
export function validateCondition(node: JsonNode, path: Path, add: Add): void {
  if (node.type !== "object") {
    add("error", "SCHEMA", "Condition must be an object of operators.", path);
    return;
  }
  for (const op of node.properties) {
    const opPath = [...path, op.key];
    if (!isConditionOperator(op.key)) add("error", "BAD_CONDITION", `"${op.key}" is not a condition operator.`, opPath);
    if (op.value.type !== "object" || op.value.properties.length === 0) {
      add("error", "SCHEMA", `The condition operator ${op.key} needs an object of condition keys.`, opPath);
      continue;
    }
    for (const key of op.value.properties) {
      const keyPath = [...opPath, key.key];
      const v = key.value;
      const scalar = (n: JsonNode) => n.type === "string" || n.type === "boolean" || n.type === "number";
      if (scalar(v)) continue;
      if (v.type === "array" && v.items.length > 0 && v.items.every(scalar)) continue;
      add(
        "error",
        "SCHEMA",
        `The value of condition key ${key.key} must be a string, number, boolean or a non-empty list of them.`,
        keyPath,
      );
    }
  }
}
