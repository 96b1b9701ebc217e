import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceIndex, loadFromPackage } from "@/lib/core/catalog";
import { type CatalogSnapshot, installedCatalogCache, snapshotFormat, toSnapshot } from "@/lib/core/catalog-snapshot";
import { fileCatalogCache, installedPackageId, readCatalogSnapshot, snapshotFile, writeCatalogSnapshot } from "./catalog-cache";

const FORMAT = snapshotFormat("test loader");

let fromPackage: ServiceIndex[];
let snapshot: CatalogSnapshot;
let dir: string;
const ROOT = path.resolve(import.meta.dirname, "..", "..");

beforeAll(async () => {
  fromPackage = await loadFromPackage();
  snapshot = toSnapshot(fromPackage, installedPackageId()!, FORMAT);
  dir = await mkdtemp(path.join(tmpdir(), "lw-catalog-"));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the IAM catalog snapshot file", () => {
  it("knows the installed package and is installed for the tests (vitest setup)", () => {
    expect(installedPackageId()?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(installedCatalogCache()).toBeDefined();
  });

  it("is written through a rename and read back; a stale, corrupt or missing file is not used", async () => {
    const file = path.join(dir, "nested", "catalog.json");
    expect(readCatalogSnapshot(file, FORMAT)).toBeUndefined();
    expect(writeCatalogSnapshot(snapshot, file)).toBe(true);
    expect(readCatalogSnapshot(file, FORMAT)).toEqual(snapshot);
    expect(readCatalogSnapshot(file, snapshotFormat("changed loader"))).toBeUndefined();
    const stale = path.join(dir, "stale.json");
    expect(writeCatalogSnapshot({ ...snapshot, package: { version: "0.0.1", updatedAt: "" } }, stale)).toBe(true);
    expect(readCatalogSnapshot(stale, FORMAT)).toBeUndefined();
    const cut = path.join(dir, "cut.json");
    await writeFile(cut, JSON.stringify(snapshot).slice(0, 5000));
    expect(readCatalogSnapshot(cut, FORMAT)).toBeUndefined();
  });

  it("names one file per package version and format, and the installed cache round-trips through it", () => {
    const file = snapshotFile(FORMAT)!;
    expect(path.basename(file)).toBe(`iam-catalog-${installedPackageId()!.version}-${FORMAT}.json`);
    expect(file.split(path.sep).slice(-4, -1)).toEqual(["node_modules", ".cache", "leastwise"]);
    expect(snapshotFile("../escape")).toBeUndefined();
    const cache = fileCatalogCache();
    try {
      cache.write(fromPackage, FORMAT);
      expect(cache.read(FORMAT)).toEqual(JSON.parse(JSON.stringify(snapshot)));
    } finally {
      rmSync(file, { force: true }); // the test's format is nobody's: leave no file behind
    }
  });

  it("an unwritable place costs only speed", () => {
    expect(writeCatalogSnapshot(snapshot, "/proc/leastwise/catalog.json")).toBe(false);
  });

  it("a process with the cache and one without it see the same catalog", () => {
    const script = (install: boolean) => `${install ? 'import "./lib/catalog-cache/install.ts";' : ""}
const c = await import("./lib/core/catalog.ts");
const { createHash } = await import("node:crypto");
const all = c.listServices().map((s) => [s, c.getServiceName(s), c.getServiceActions(s).map((a) => c.getActionInfo(a))]);
console.log(createHash("sha256").update(JSON.stringify([all, c.matchActions("s3:Get*"), c.getResourceType("s3", "bucket")])).digest("hex"));`;
    const run = (install: boolean) =>
      spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(install)], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
    run(true); // writes the snapshot if this runtime has none yet
    const withCache = run(true);
    const without = run(false);
    expect(withCache.stderr).toBe("");
    expect(without.stderr).toBe("");
    expect(withCache.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(withCache.stdout).toBe(without.stdout);
  }, 120_000);
});
