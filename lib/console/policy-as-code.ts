// The policy as code: JSON, Terraform (aws_iam_policy + attachment) or CloudFormation YAML
// (AWS::IAM::ManagedPolicy). Pure and browser-safe. A policy longer than IAM's limit is split
// exactly as "Create policy" splits it (<name>-1, <name>-2, ...), one resource per part.
import { splitPolicyDocument } from "@/lib/core/policy-split";

export type CodeFormat = "json" | "terraform" | "cloudformation";

export interface PolicyCodeInput {
  /** the policy text (JSON) */
  text: string;
  name: string;
  description?: string;
  path?: string;
  tags?: { key: string; value: string }[];
  /** attach to this role or user (name without path); omitted: no attachment */
  attachTo?: { kind: "role" | "user"; name: string };
  /** split like Create does (default true); false for an existing policy's document */
  split?: boolean;
}

export interface PolicyCode {
  format: CodeFormat;
  fileName: string;
  mimeType: string;
  text: string;
  /** the policy names, one per part */
  names: string[];
}

function parts(input: PolicyCodeInput): object[] {
  const doc = JSON.parse(input.text) as object;
  return input.split === false ? [doc] : splitPolicyDocument(doc);
}

const namesFor = (base: string, n: number) => (n === 1 ? [base] : Array.from({ length: n }, (_, i) => `${base}-${i + 1}`));

/** A Terraform/CloudFormation identifier from a policy name. */
function identifier(name: string, style: "snake" | "pascal"): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (style === "snake") {
    const id = words.join("_").toLowerCase() || "policy";
    return /^[a-z_]/.test(id) ? id : `p_${id}`;
  }
  const id = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("") || "Policy";
  return /^[A-Za-z]/.test(id) ? id : `P${id}`;
}

/** An HCL string literal: JSON escapes, plus ${ and %{ escaped so nothing is interpolated. */
const escapeTemplates = (s: string) => s.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");

function hclString(s: string): string {
  return escapeTemplates(JSON.stringify(s));
}

function terraform(input: PolicyCodeInput): string {
  const docs = parts(input);
  const names = namesFor(input.name, docs.length);
  const blocks: string[] = [];
  docs.forEach((doc, i) => {
    const id = identifier(names[i], "snake");
    const json = escapeTemplates(JSON.stringify(doc, null, 2));
    const lines = [
      `resource "aws_iam_policy" "${id}" {`,
      `  name        = ${hclString(names[i])}`,
      `  path        = ${hclString(input.path ?? "/")}`,
      ...(input.description ? [`  description = ${hclString(input.description)}`] : []),
      `  policy      = <<-EOT`,
      ...json.split("\n").map((l) => `    ${l}`),
      `  EOT`,
    ];
    if (input.tags?.length) {
      lines.push(`  tags = {`, ...input.tags.map((t) => `    ${hclString(t.key)} = ${hclString(t.value)}`), `  }`);
    }
    lines.push(`}`);
    blocks.push(lines.join("\n"));
    if (input.attachTo) {
      const kind = input.attachTo.kind;
      blocks.push(
        [
          `resource "aws_iam_${kind}_policy_attachment" "${id}" {`,
          `  ${kind === "role" ? "role      " : "user      "} = ${hclString(input.attachTo.name)}`,
          `  policy_arn = aws_iam_policy.${id}.arn`,
          `}`,
        ].join("\n"),
      );
    }
  });
  return `${blocks.join("\n\n")}\n`;
}

/** YAML for plain JSON values: every string double-quoted (JSON escapes are YAML escapes). */
function yaml(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return " []";
    return value.map((v) => `\n${indent}-${yamlItem(v, `${indent}  `)}`).join("");
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return " {}";
    return entries.map(([k, v]) => `\n${indent}${JSON.stringify(k)}:${yaml(v, `${indent}  `)}`).join("");
  }
  return ` ${JSON.stringify(value)}`;
}

function yamlItem(value: unknown, indent: string): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return " {}";
    const [first, ...rest] = entries;
    return (
      ` ${JSON.stringify(first[0])}:${yaml(first[1], `${indent}  `)}` +
      rest.map(([k, v]) => `\n${indent}${JSON.stringify(k)}:${yaml(v, `${indent}  `)}`).join("")
    );
  }
  return yaml(value, indent);
}

function cloudFormation(input: PolicyCodeInput): string {
  const docs = parts(input);
  const names = namesFor(input.name, docs.length);
  const resources: Record<string, unknown> = {};
  docs.forEach((doc, i) => {
    resources[identifier(names[i], "pascal")] = {
      Type: "AWS::IAM::ManagedPolicy",
      Properties: {
        ManagedPolicyName: names[i],
        Path: input.path ?? "/",
        ...(input.description ? { Description: input.description } : {}),
        ...(input.attachTo ? { [input.attachTo.kind === "role" ? "Roles" : "Users"]: [input.attachTo.name] } : {}),
        PolicyDocument: doc,
      },
    };
  });
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: input.description ? `${input.name}: ${input.description}` : input.name,
    Resources: resources,
  };
  return `${yaml(template, "").slice(1)}\n`;
}

export function policyAsCode(format: CodeFormat, input: PolicyCodeInput): PolicyCode {
  const docs = parts(input);
  const names = namesFor(input.name, docs.length);
  const safe = input.name.replace(/[^\w.+=,@-]/g, "_") || "policy";
  if (format === "terraform") return { format, fileName: `${safe}.tf`, mimeType: "text/plain", text: terraform(input), names };
  if (format === "cloudformation")
    return { format, fileName: `${safe}.yaml`, mimeType: "application/yaml", text: cloudFormation(input), names };
  const text =
    docs.length === 1 ? JSON.stringify(docs[0], null, 2) : JSON.stringify(Object.fromEntries(docs.map((d, i) => [names[i], d])), null, 2);
  return { format, fileName: `${safe}.json`, mimeType: "application/json", text: `${text}\n`, names };
}
