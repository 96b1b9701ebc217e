import { parseArn, KNOWN_PARTITIONS } from "./arn";
import { findAction, matchActions, serviceExists, splitActionName } from "./catalog";
import { JsonSyntaxError, parseJsonAst, type JsonNode } from "./json-ast";
import { MANAGED_POLICY_MAX_CHARS, policyLength } from "./policy-split";
import { placeholdersIn } from "./policy-variables";
import type { PolicyFinding } from "./types";
import { validateCondition } from "./validate-condition";

type Path = (string | number)[];

export interface ValidatePolicyOptions {
  kind: "identity";
  /** severity of `${...}` placeholders left in the text; default "warning" (see docs/core.md) */
  placeholders?: "warning" | "error";
  /** the size limit; default 6,144 (managed policies) */
  maxChars?: number;
  /** the account's partition: a Resource in another partition is then an error, as in IAM */
  partition?: string;
}

const TOP_KEYS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_KEYS = new Set([
  "Sid",
  "Effect",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
  "Principal",
  "NotPrincipal",
]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);

/**
 * Findings on an identity policy document: syntax, shape, unknown services and actions (wildcards
 * must match something), malformed resource ARNs, placeholders left, length. Errors are what IAM
 * rejects (the local IAM endpoint turns them into MalformedPolicyDocument); warnings are for the
 * editor. Each finding has the JSON path of the offending value (locateJsonPath turns it into a
 * text range).
 */
export function validatePolicyDocument(text: string, opts: ValidatePolicyOptions = { kind: "identity" }): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const add = (severity: PolicyFinding["severity"], code: string, message: string, path: Path) =>
    findings.push({ severity, code, message, path });
  if (typeof text !== "string" || text.trim() === "") {
    add("error", "INVALID_JSON", "The policy document is empty.", []);
    return findings;
  }
  let root: JsonNode;
  try {
    root = parseJsonAst(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineColumn(text, error.offset);
    findings.push({
      severity: "error",
      code: "INVALID_JSON",
      message: `Invalid JSON at line ${line}, column ${column}: ${error.message}.`,
      path: [],
      offset: error.offset,
    });
    return findings;
  }
  const maxChars = opts.maxChars ?? MANAGED_POLICY_MAX_CHARS;
  const length = policyLength(text);
  if (length > maxChars)
    add(
      "error",
      "TOO_LONG",
      `The policy has ${length} characters without white space; the limit is ${maxChars}. Split it into several policies.`,
      [],
    );
  if (root.type !== "object") {
    add("error", "SCHEMA", "The policy document must be a JSON object.", []);
    return findings;
  }
  checkDuplicateKeys(root, [], add);
  for (const p of root.properties)
    if (!TOP_KEYS.has(p.key)) add("error", "SCHEMA", `Unknown top-level element "${p.key}" (allowed: Version, Id, Statement).`, [p.key]);
  const version = prop(root, "Version");
  if (!version)
    add(
      "warning",
      "MISSING_VERSION",
      'No "Version": IAM then uses 2008-10-17, where policy variables do not work. Add "Version": "2012-10-17".',
      [],
    );
  else if (version.type !== "string" || !VERSIONS.has(version.value))
    add("error", "SCHEMA", 'The Version must be "2012-10-17" (or the legacy "2008-10-17").', ["Version"]);
  const id = prop(root, "Id");
  if (id && id.type !== "string") add("error", "SCHEMA", "The Id must be a string.", ["Id"]);
  const statement = prop(root, "Statement");
  if (!statement) {
    add("error", "SCHEMA", 'The policy has no "Statement".', []);
    return findings;
  }
  const statements: [JsonNode, Path][] =
    statement.type === "array" ? statement.items.map((n, i) => [n, ["Statement", i]]) : [[statement, ["Statement"]]];
  if (statement.type === "array" && statement.items.length === 0) add("error", "SCHEMA", "The Statement list is empty.", ["Statement"]);
  if (statement.type !== "array" && statement.type !== "object")
    add("error", "SCHEMA", "Statement must be an object or a list of objects.", ["Statement"]);
  const sids = new Map<string, Path>();
  for (const [node, path] of statements) {
    if (node.type !== "object") {
      if (statement.type === "array") add("error", "SCHEMA", "Each statement must be a JSON object.", path);
      continue;
    }
    checkStatement(node, path, add, opts, sids);
  }
  return findings;
}

type Add = (severity: PolicyFinding["severity"], code: string, message: string, path: Path) => void;

function prop(node: JsonNode, key: string): JsonNode | undefined {
  if (node.type !== "object") return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) if (node.properties[i].key === key) return node.properties[i].value;
  return undefined;
}

function checkDuplicateKeys(node: JsonNode, path: Path, add: Add): void {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const p of node.properties) {
      if (seen.has(p.key)) add("error", "DUPLICATE_KEY", `"${p.key}" appears more than once in the same object.`, [...path, p.key]);
      seen.add(p.key);
      checkDuplicateKeys(p.value, [...path, p.key], add);
    }
  } else if (node.type === "array") node.items.forEach((item, i) => checkDuplicateKeys(item, [...path, i], add));
}

function stringList(node: JsonNode, path: Path, name: string, add: Add): [string, Path][] {
  if (node.type === "string") return [[node.value, path]];
  if (node.type === "array") {
    if (node.items.length === 0) add("error", "SCHEMA", `${name} must not be an empty list.`, path);
    const out: [string, Path][] = [];
    node.items.forEach((item, i) => {
      if (item.type === "string") out.push([item.value, [...path, i]]);
      else add("error", "SCHEMA", `Each ${name} entry must be a string.`, [...path, i]);
    });
    return out;
  }
  add("error", "SCHEMA", `${name} must be a string or a list of strings.`, path);
  return [];
}

function checkStatement(
  node: Extract<JsonNode, { type: "object" }>,
  path: Path,
  add: Add,
  opts: ValidatePolicyOptions,
  sids: Map<string, Path>,
): void {
  for (const p of node.properties) {
    if (!STATEMENT_KEYS.has(p.key)) add("error", "SCHEMA", `Unknown statement element "${p.key}".`, [...path, p.key]);
  }
  for (const key of ["Principal", "NotPrincipal"]) {
    if (prop(node, key)) add("error", "SCHEMA", `An identity policy must not specify a ${key}.`, [...path, key]);
  }
  const sid = prop(node, "Sid");
  if (sid) {
    if (sid.type !== "string") add("error", "SCHEMA", "Sid must be a string.", [...path, "Sid"]);
    else if (!/^[A-Za-z0-9]*$/.test(sid.value)) add("error", "SCHEMA", "Sid may contain only letters and digits.", [...path, "Sid"]);
    else if (sids.has(sid.value))
      add("error", "DUPLICATE_SID", `The Sid "${sid.value}" is used by more than one statement.`, [...path, "Sid"]);
    else sids.set(sid.value, [...path, "Sid"]);
  }
  const effect = prop(node, "Effect");
  if (!effect) add("error", "SCHEMA", 'The statement has no "Effect".', path);
  else if (effect.type !== "string" || (effect.value !== "Allow" && effect.value !== "Deny"))
    add("error", "SCHEMA", 'Effect must be "Allow" or "Deny".', [...path, "Effect"]);

  const action = prop(node, "Action");
  const notAction = prop(node, "NotAction");
  if (action && notAction) add("error", "SCHEMA", "A statement has either Action or NotAction, not both.", [...path, "NotAction"]);
  if (!action && !notAction) add("error", "SCHEMA", 'The statement has no "Action" (or "NotAction").', path);
  for (const [key, n] of [
    ["Action", action],
    ["NotAction", notAction],
  ] as const) {
    if (n) for (const [value, p] of stringList(n, [...path, key], key, add)) checkAction(value, p, add);
  }

  const resource = prop(node, "Resource");
  const notResource = prop(node, "NotResource");
  if (resource && notResource)
    add("error", "SCHEMA", "A statement has either Resource or NotResource, not both.", [...path, "NotResource"]);
  if (!resource && !notResource) add("error", "SCHEMA", 'An identity policy statement needs a "Resource" (or "NotResource").', path);
  for (const [key, n] of [
    ["Resource", resource],
    ["NotResource", notResource],
  ] as const) {
    if (n) for (const [value, p] of stringList(n, [...path, key], key, add)) checkResource(value, p, add, opts);
  }
  const condition = prop(node, "Condition");
  if (condition) validateCondition(condition, [...path, "Condition"], add);
}

function checkAction(value: string, path: Path, add: Add): void {
  if (value === "*") return;
  const parts = splitActionName(value);
  if (!parts || !/^[A-Za-z0-9*?-]+$/.test(parts.service) || !/^[A-Za-z0-9*?-]+$/.test(parts.action)) {
    add("error", "BAD_ACTION", `"${value}" is not an action: expected "service:Action" (wildcards * and ? allowed).`, path);
    return;
  }
  const wildcard = /[*?]/.test(value);
  if (!wildcard) {
    if (!serviceExists(parts.service))
      add("error", "UNKNOWN_SERVICE", `The service prefix "${parts.service}" is not in the IAM catalog.`, path);
    else if (!findAction(parts.service, parts.action))
      add("error", "UNKNOWN_ACTION", `"${value}" is not an action of ${parts.service}.`, path);
    return;
  }
  if (!/[*?]/.test(parts.service) && !serviceExists(parts.service)) {
    add("error", "UNKNOWN_SERVICE", `The service prefix "${parts.service}" is not in the IAM catalog.`, path);
  } else if (matchActions(value).length === 0) {
    add("error", "UNKNOWN_ACTION", `"${value}" matches no action in the IAM catalog.`, path);
  }
}

function checkResource(value: string, path: Path, add: Add, opts: ValidatePolicyOptions): void {
  const placeholders = placeholdersIn(value);
  if (placeholders.length > 0) {
    add(
      opts.placeholders ?? "warning",
      "PLACEHOLDER_LEFT",
      `Replace the placeholder${placeholders.length > 1 ? "s" : ""} ${placeholders.map((p) => `\${${p}}`).join(", ")} with real values (or * for "any").`,
      path,
    );
  }
  if (value === "*") return;
  const arn = parseArn(value);
  if (!arn) {
    add("error", "BAD_ARN", `"${value}" is not an ARN or "*": expected arn:partition:service:region:account:resource.`, path);
    return;
  }
  // IAM names the partition itself and rejects placeholders there ('Partition "${X}" is not valid').
  if (arn.partition.includes("${")) {
    add(
      "error",
      "BAD_ARN",
      `Partition "${arn.partition}" is not valid in "${value}": write the partition (aws, aws-cn, aws-us-gov...).`,
      path,
    );
  } else if (!/[*?]/.test(arn.partition) && !(KNOWN_PARTITIONS as readonly string[]).includes(arn.partition)) {
    add("error", "BAD_ARN", `Unknown partition "${arn.partition}" in "${value}".`, path);
  } else if (opts.partition && !/[*?]/.test(arn.partition) && arn.partition !== opts.partition) {
    add(
      "error",
      "BAD_ARN",
      `Partition "${arn.partition}" is not valid for "${value}": this account is in the ${opts.partition} partition.`,
      path,
    );
  }
  if (/[*?]/.test(arn.service)) {
    add("error", "BAD_ARN", `Resource vendor must be fully qualified and cannot contain wildcards: "${value}".`, path);
  }
  if (arn.service === "iam" && arn.region !== "" && !arn.region.includes("${")) {
    add("error", "BAD_ARN", `IAM resource "${value}" cannot contain region information.`, path);
  }
  if (/^\d+$/.test(arn.accountId) && arn.accountId.length !== 12) {
    // IAM accepts it, but it can never match: an account ID has 12 digits.
    add("warning", "BAD_ACCOUNT", `The account "${arn.accountId}" in "${value}" is not 12 digits, so it matches no resource.`, path);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
