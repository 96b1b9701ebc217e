import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { getActionInfo } from "@/lib/core/catalog";
import { bundledOperationMap, installOperationMap, type OperationMapVersion } from "@/lib/core/operation-map";
import { buildOperationMap, OperationMapError, serializeOperationMap, validateOperationMap } from "@/lib/core/operation-map-file";
import { writeFileAtomic } from "@/lib/write-file-atomic";
import { refreshedMapPath } from "./refreshed-operation-map";

export const SERVICE_REFERENCE_URL = "https://servicereference.us-east-1.amazonaws.com/v1/";

export class CatalogUpdateError extends Error {}

export interface UpdateCatalogOptions {
  dataDir: string;
  /** the Service Reference's base URL (default AWS's; a mirror or a test server) */
  baseUrl?: string;
  /** refuse a result with fewer operations (a truncated or partial answer); default: half the bundled map's */
  minOperations?: number;
  fetchImpl?: typeof fetch;
  now?: Date;
  /** parallel downloads */
  concurrency?: number;
  timeoutMs?: number;
}

const SERVICE = /^[a-z0-9][a-z0-9-]{0,62}$/;

async function getJson(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  } catch (e) {
    throw new CatalogUpdateError(
      `Could not reach ${url}: ${(e as Error).message}. Leastwise keeps the operation map it has (offline default: the bundled snapshot).`,
    );
  }
  if (!res.ok) throw new CatalogUpdateError(`${url} answered HTTP ${res.status}; nothing was changed.`);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new CatalogUpdateError(`${url} did not answer JSON; nothing was changed.`);
  }
}

/**
 * Downloads AWS's Service Reference (service-list.json, then <service>/<service>.json for each),
 * builds and validates an operation map from it and writes it into the data directory, where the
 * entry points load it at start (the bundled snapshot stays the offline default and is never
 * overwritten). Installs it in this process too. Nothing is written when any step fails.
 */
export async function updateCatalog(
  options: UpdateCatalogOptions,
): Promise<{ path: string; version: OperationMapVersion; services: number; operations: number }> {
  const baseUrl = (options.baseUrl ?? SERVICE_REFERENCE_URL).replace(/\/?$/, "/");
  if (!/^https?:\/\//.test(baseUrl)) throw new CatalogUpdateError(`The Service Reference URL must be http(s): ${baseUrl}`);
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const list = await getJson(fetchImpl, `${baseUrl}service-list.json`, timeoutMs);
  if (!Array.isArray(list) || list.length === 0)
    throw new CatalogUpdateError(`${baseUrl}service-list.json is not a list of services; nothing was changed.`);
  const services = [...new Set(list.map((e) => String((e as { service?: unknown })?.service ?? "")))].sort();
  const bad = services.find((s) => !SERVICE.test(s));
  if (bad !== undefined)
    throw new CatalogUpdateError(`${baseUrl}service-list.json names a service ${JSON.stringify(bad)}; nothing was changed.`);
  const docs: unknown[] = new Array(services.length);
  let next = 0;
  const worker = async () => {
    while (next < services.length) {
      const i = next++;
      // Always the documented layout under the base URL: the list's own URLs are not followed elsewhere.
      docs[i] = await getJson(fetchImpl, `${baseUrl}${services[i]}/${services[i]}.json`, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, services.length) }, worker));
  let map;
  try {
    map = buildOperationMap(
      docs,
      { origin: baseUrl, snapshot: baseUrl, date: (options.now ?? new Date()).toISOString() },
      (action) => getActionInfo(action)?.resourceTypes.map((r) => r.name.toLowerCase()),
      "leastwise catalog update",
    );
  } catch (e) {
    throw new CatalogUpdateError(`${e instanceof OperationMapError ? e.message : (e as Error).message} Nothing was changed.`);
  }
  const min = options.minOperations ?? Math.floor(bundledOperationMap().counts.operations / 2);
  if (map.counts.operations < min) {
    throw new CatalogUpdateError(
      `The Service Reference gave ${map.counts.operations} operations, fewer than the ${min} expected; nothing was changed.`,
    );
  }
  const text = serializeOperationMap(map);
  validateOperationMap(JSON.parse(text)); // what the next start will read back
  const path = refreshedMapPath(options.dataDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
  const version = installOperationMap(JSON.parse(text), "refreshed");
  return { path, version, services: map.counts.services, operations: map.counts.operations };
}
