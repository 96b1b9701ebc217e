import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installOperationMap, operationMapVersion, type OperationMapVersion } from "@/lib/core/operation-map";

/** Where `leastwise catalog update` keeps the refreshed operation map: the data directory, never the bundled file. */
export function refreshedMapPath(dataDir: string): string {
  return join(dataDir, "catalog", "operation-map.json");
}

/**
 * Installs the refreshed operation map of the data directory when there is one (entry points call
 * this at start). A missing file keeps the bundled snapshot silently; a broken one keeps it too and
 * says why.
 */
export function installRefreshedOperationMap(dataDir: string): { version: OperationMapVersion; error?: string } {
  const path = refreshedMapPath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { version: operationMapVersion() };
  }
  try {
    return { version: installOperationMap(JSON.parse(text), "refreshed") };
  } catch (e) {
    return { version: operationMapVersion(), error: `${path}: ${(e as Error).message} The bundled operation map stays in use.` };
  }
}
