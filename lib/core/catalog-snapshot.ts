import type { ActionInfo, ResourceTypeInfo, ServiceIndex } from "./catalog";

// The IAM catalog as built by catalog.ts, as one plain value: a process that has it builds its
// lookup tables in tens of milliseconds instead of reading the package's ~900 files (about a second
// and ~80 MB more memory here). Storing it is I/O, so it happens outside the pure core: an entry
// point installs a CatalogCache (lib/catalog-cache/install.ts: a file under
// node_modules/.cache/leastwise/) before the catalog is first imported; without one, the catalog is
// read from the package every time, with the same result.

/** bump when the snapshot's shape changes (the code that writes and reads it is hashed in as well) */
const SHAPE_VERSION = 1;

/**
 * The format a snapshot must have: the shape version and a hash of the code that derives the
 * catalog from the package (`derivation`, catalog.ts's loader) and of this module's writer and
 * reader. A change to any of them makes older snapshot files stale by construction, so nobody has
 * to remember a version bump. (Each runtime that compiles this code differently, tsx, vitest or a
 * Next.js bundle, gets a format and a file of its own.)
 */
export function snapshotFormat(derivation: string): string {
  return `${SHAPE_VERSION}.${textHash(derivation + toSnapshot.toString() + fromSnapshot.toString() + checkShape.toString())}`;
}

/** FNV-1a, 32 bits, as hex: a cache key, not a security boundary. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Where a snapshot is kept between processes. */
export interface CatalogCache {
  /** a snapshot of the installed package in this format, or undefined (none, stale, unreadable); never throws */
  read(format: string): CatalogSnapshot | undefined;
  /** keeps the catalog just read from the package for the next process; never throws */
  write(services: ServiceIndex[], format: string): void;
}

const CACHE_KEY = Symbol.for("leastwise.catalogCache");

/** The cache an entry point installed (see lib/catalog-cache/install.ts), if any. */
export function installedCatalogCache(): CatalogCache | undefined {
  return (globalThis as Record<symbol, CatalogCache | undefined>)[CACHE_KEY];
}

export function installCatalogCache(cache: CatalogCache): void {
  (globalThis as Record<symbol, CatalogCache | undefined>)[CACHE_KEY] ??= cache;
}

/** [action, accessLevels, resourceTypes ("*name" when required), dependentActions, map key if not action.toLowerCase()] */
type ActionRow = [string, string[], string[], string[]] | [string, string[], string[], string[], string];
/** [key, arn, map key if not key.toLowerCase()] */
type TypeRow = [string, string] | [string, string, string];
export interface CatalogSnapshot {
  format: string;
  package: { version: string; updatedAt: string };
  services: [prefix: string, name: string, actions: ActionRow[], types: TypeRow[]][];
}

export function toSnapshot(services: ServiceIndex[], pkg: CatalogSnapshot["package"], format: string): CatalogSnapshot {
  return {
    format,
    package: pkg,
    services: services.map((s) => [
      s.prefix,
      s.name,
      [...s.actions].map(([key, a]): ActionRow => {
        const row: ActionRow = [
          a.action,
          a.accessLevels,
          a.resourceTypes.map((r) => (r.required ? `*${r.name}` : r.name)),
          a.dependentActions,
        ];
        return key === a.action.toLowerCase() ? row : [...row, key];
      }),
      [...s.resourceTypes].map(([key, t]): TypeRow => (key === t.key.toLowerCase() ? [t.key, t.arn] : [t.key, t.arn, key])),
    ]),
  };
}

export interface LazyService {
  prefix: string;
  /** builds the service's index on first use (most processes look at a few services of ~450) */
  index: () => ServiceIndex;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Throws unless every row has the shape toSnapshot writes (checked up front: a lookup must not throw later). */
function checkShape(snapshot: CatalogSnapshot): void {
  if (!Array.isArray(snapshot.services) || snapshot.services.length === 0) throw new Error("empty catalog snapshot");
  for (const row of snapshot.services) {
    const [prefix, name, actions, types] = row;
    if (row.length !== 4 || typeof prefix !== "string" || typeof name !== "string" || !Array.isArray(actions) || !Array.isArray(types))
      throw new Error("bad service row");
    for (const a of actions) {
      if (
        !Array.isArray(a) ||
        typeof a[0] !== "string" ||
        !isStrings(a[1]) ||
        !isStrings(a[2]) ||
        !isStrings(a[3]) ||
        (a.length === 5 ? typeof a[4] !== "string" : a.length !== 4)
      )
        throw new Error(`bad action row in ${prefix}`);
    }
    for (const t of types) {
      if (
        !Array.isArray(t) ||
        typeof t[0] !== "string" ||
        typeof t[1] !== "string" ||
        (t.length === 3 ? typeof t[2] !== "string" : t.length !== 2)
      )
        throw new Error(`bad resource type row in ${prefix}`);
    }
  }
}

/** The service indexes catalog.ts builds from the package, each built when first used; throws on a snapshot of the wrong shape. */
export function fromSnapshot(snapshot: CatalogSnapshot, format: string): LazyService[] {
  if (snapshot?.format !== format) throw new Error("not a catalog snapshot of this format");
  checkShape(snapshot);
  return snapshot.services.map(([prefix, name, actions, types]) => {
    let built: ServiceIndex | undefined;
    const index = (): ServiceIndex => {
      if (built) return built;
      const out: ServiceIndex = { prefix, name, actions: new Map(), resourceTypes: new Map() };
      for (const [action, accessLevels, resourceTypes, dependentActions, key] of actions) {
        const info: ActionInfo = {
          name: `${prefix}:${action}`,
          service: prefix,
          action,
          accessLevel: accessLevels[0] ?? "Unknown",
          accessLevels,
          resourceTypes: resourceTypes.map((r) =>
            r.startsWith("*") ? { name: r.slice(1), required: true } : { name: r, required: false },
          ),
          dependentActions,
        };
        out.actions.set(key ?? action.toLowerCase(), info);
      }
      for (const [typeKey, arn, key] of types) {
        const info: ResourceTypeInfo = { service: prefix, key: typeKey, arn };
        out.resourceTypes.set(key ?? typeKey.toLowerCase(), info);
      }
      return (built = out);
    };
    return { prefix, index };
  });
}
