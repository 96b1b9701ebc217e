import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,app,components,scripts,cli,test}/**/*.test.ts"],
    // the IAM catalog loads from its snapshot file (lib/catalog-cache), not the package's ~900 files
    setupFiles: ["lib/catalog-cache/install.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
