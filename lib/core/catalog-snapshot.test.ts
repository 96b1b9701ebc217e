import { beforeAll, describe, expect, it } from "vitest";
import { type ServiceIndex, getActionInfo, listServices, loadFromPackage } from "./catalog";
import { type CatalogSnapshot, fromSnapshot, snapshotFormat, toSnapshot } from "./catalog-snapshot";

const FORMAT = snapshotFormat("the loader's code");

let fromPackage: ServiceIndex[];
let snapshot: CatalogSnapshot;

beforeAll(async () => {
  fromPackage = await loadFromPackage();
  snapshot = toSnapshot(fromPackage, { version: "test", updatedAt: "" }, FORMAT);
}, 60_000);

describe("the IAM catalog snapshot", () => {
  it("rebuilds exactly what reading the package builds, every service, action and resource type", () => {
    expect(fromPackage.length).toBeGreaterThan(400);
    const rebuilt = fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as CatalogSnapshot, FORMAT).map((s) => s.index());
    expect(rebuilt).toEqual(fromPackage);
    // and the loaded module (snapshot or package, whichever this process used) agrees with both
    expect(listServices()).toEqual(fromPackage.map((s) => s.prefix.toLowerCase()).sort());
    for (const s of fromPackage) for (const a of s.actions.values()) expect(getActionInfo(a.name)).toEqual(a);
  });

  it("refuses a snapshot of the wrong shape up front (a lookup must never throw later)", () => {
    const good = snapshot.services[0];
    const cases: [string, unknown][] = [
      ["no services", []],
      ["another format", "format"],
      ["a format from other loader code", "loader"],
      ["service row too short", [[good[0], good[1], good[2]]]],
      ["prefix not a string", [[1, good[1], good[2], good[3]]]],
      ["action row not an array", [[good[0], good[1], ["s3:GetObject"], good[3]]]],
      ["access levels not strings", [[good[0], good[1], [["GetObject", [1], [], []]], good[3]]]],
      ["action row too long", [[good[0], good[1], [["GetObject", ["Read"], [], [], "getobject", "x"]], good[3]]]],
      ["resource type row without an ARN", [[good[0], good[1], good[2], [["bucket"]]]]],
    ];
    for (const [name, services] of cases) {
      const bad =
        services === "format"
          ? { ...snapshot, format: "0" }
          : services === "loader"
            ? { ...snapshot, format: snapshotFormat("changed loader code") }
            : { ...snapshot, services };
      expect(() => fromSnapshot(bad as CatalogSnapshot, FORMAT), name).toThrow();
    }
    expect(fromSnapshot(snapshot, FORMAT).length).toBe(fromPackage.length);
  });

  it("has a format that changes with the loader's code and nothing else", () => {
    expect(snapshotFormat("a")).toBe(snapshotFormat("a"));
    expect(snapshotFormat("a")).not.toBe(snapshotFormat("b"));
    expect(snapshotFormat("a")).toMatch(/^\d+\.[0-9a-f]{8}$/);
  });
});
