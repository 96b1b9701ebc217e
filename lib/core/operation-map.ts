import bundled from "./data/operation-map.json" with { type: "json" };
import { type OperationEntry, type OperationMapFile, type OperationMapSource, validateOperationMap } from "./operation-map-file";

export * from "./operation-map-file";

// The map in use: the bundled file (lib/core/data/operation-map.json), or a refreshed copy an entry
// point installed. See operation-map-file.ts for the format.

export interface OperationMapVersion extends OperationMapSource {
  /** "bundled": the file in the repository; "refreshed": a copy `leastwise catalog update` wrote */
  origin: string;
  kind: "bundled" | "refreshed";
  operations: number;
  services: number;
}

let active: OperationMapFile = validateOperationMap(bundled);
let activeKind: "bundled" | "refreshed" = "bundled";
/** lower-case file -> lower-case operation -> entry, built on first use of a file */
const parsed = new Map<string, Map<string, OperationEntry>>();
let lowerFiles = new Map<string, string>();
let lowerAliases = new Map<string, string[]>();
let unsupportedIndex: Map<string, Set<string>> | undefined;
const listeners: Array<() => void> = [];

function reindex(): void {
  parsed.clear();
  unsupportedIndex = undefined;
  lowerFiles = new Map(Object.keys(active.operations).map((f) => [f.toLowerCase(), f]));
  lowerAliases = new Map(Object.entries(active.aliases).map(([p, files]) => [p.toLowerCase(), files]));
}
reindex();

/** Replaces the map in use (a refreshed copy); validated first. Mapping caches are dropped. */
export function installOperationMap(value: unknown, kind: "bundled" | "refreshed" = "refreshed"): OperationMapVersion {
  active = validateOperationMap(value);
  activeKind = kind;
  reindex();
  for (const l of listeners) l();
  return operationMapVersion();
}

/** Puts the bundled map back (tests). */
export function resetOperationMap(): void {
  installOperationMap(bundled, "bundled");
}

/** Called when the map in use changes (mapping.ts drops its cache). */
export function onOperationMapChange(listener: () => void): void {
  listeners.push(listener);
}

export function operationMapVersion(): OperationMapVersion {
  return { ...active.source, kind: activeKind, operations: active.counts.operations, services: active.counts.services };
}

export function bundledOperationMap(): OperationMapFile {
  return validateOperationMap(bundled);
}

export function activeOperationMap(): OperationMapFile {
  return active;
}

function fileIndex(file: string): Map<string, OperationEntry> | undefined {
  const key = file.toLowerCase();
  let index = parsed.get(key);
  if (index) return index;
  const name = lowerFiles.get(key);
  if (!name) return undefined;
  index = new Map();
  for (const line of active.operations[name]) {
    const [operation, ...tokens] = line.split(" ");
    const passedToService: string[] = [];
    const actions = tokens.map((t) => {
      const [action, services] = t.split(">");
      if (services) passedToService.push(...services.split(","));
      return action;
    });
    index.set(operation.toLowerCase(), { operation, file: name, actions, passedToService: [...new Set(passedToService)].sort() });
  }
  parsed.set(key, index);
  return index;
}

/**
 * The Service Reference's entry for an operation of an IAM prefix: the prefix's own file first,
 * then the files that serve it (aliases). Exact name first, then ignoring case.
 */
export function findOperation(prefix: string, operation: string): OperationEntry | undefined {
  const files = [prefix, ...(lowerAliases.get(prefix.toLowerCase()) ?? [])];
  for (const file of files) {
    const index = fileIndex(file);
    const entry = index?.get(operation.toLowerCase());
    if (entry && entry.operation === operation) return entry;
  }
  for (const file of files) {
    const entry = fileIndex(file)?.get(operation.toLowerCase());
    if (entry) return entry;
  }
  return undefined;
}

/** Every operation of the map in use, as entries (the report and the generated test). */
export function allOperations(): OperationEntry[] {
  return Object.keys(active.operations)
    .sort()
    .flatMap((file) => [...fileIndex(file)!.values()]);
}

/** The IAM prefixes whose events an operation file serves (its own name when that is a prefix, and aliases). */
export function prefixesServedBy(file: string): string[] {
  const out = [file];
  for (const [prefix, files] of Object.entries(active.aliases)) if (files.includes(file)) out.push(prefix);
  return out;
}

/** false when AWS's SupportedBy "IAM Access Analyzer Policy Generation" is false for the action; undefined when the map does not say. */
export function policyGenerationSupported(action: string): boolean | undefined {
  if (!unsupportedIndex) {
    unsupportedIndex = new Map(
      Object.entries(active.noPolicyGeneration).map(([s, names]) => [s.toLowerCase(), new Set(names.toLowerCase().split(" "))]),
    );
  }
  const colon = action.indexOf(":");
  if (colon < 0) return undefined;
  const service = action.slice(0, colon).toLowerCase();
  if (!lowerFiles.has(service) && !unsupportedIndex.has(service)) return undefined;
  return !unsupportedIndex.get(service)?.has(action.slice(colon + 1).toLowerCase());
}

/**
 * The Service Reference's resource types of an action (lower case) where they disagree with the
 * IAM catalog's; undefined where they agree (or the map does not know the action).
 */
export function serviceReferenceResources(action: string): string[] | undefined {
  return active.resources[action];
}
