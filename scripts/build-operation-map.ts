// Builds lib/core/data/operation-map.json from a snapshot of AWS's Service Reference
// (https://servicereference.us-east-1.amazonaws.com/v1/: one <service>/<service>.json per service).
//
//   npm run -s build-operation-map -- --from DIR --snapshot github.com/OWNER/REPO --commit SHA --date ISO [--out FILE]
//
// Only facts are kept (names: operation -> authorized actions, PassedToService values, SupportedBy
// flags, resource lists where they disagree with the IAM catalog); the output is sorted, one line per
// operation, so a refresh reviews as a diff.
import "../lib/catalog-cache/install";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { getActionInfo } from "../lib/core/catalog";
import { buildOperationMap, serializeOperationMap, OperationMapError } from "../lib/core/operation-map-file";
import { writeFileAtomic } from "../lib/write-file-atomic";

const USAGE = "usage: build-operation-map --from DIR --snapshot NAME --commit SHA --date ISO [--out FILE]";

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--") || i + 1 >= argv.length) throw new Error(`bad argument ${JSON.stringify(a)}\n${USAGE}`);
    out[a.slice(2)] = argv[++i];
  }
  for (const k of ["from", "snapshot", "date"]) if (!out[k]) throw new Error(`--${k} is required\n${USAGE}`);
  if (Number.isNaN(Date.parse(out.date))) throw new Error(`--date ${JSON.stringify(out.date)} is not an ISO date`);
  return out;
}

/** <dir>/<svc>/<svc>.json, or <dir>/<svc>.json; service-list.json and mapping.json are not services. */
export function snapshotDocuments(dir: string): unknown[] {
  const docs: unknown[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const file = join(path, `${name}.json`);
      try {
        statSync(file);
      } catch {
        continue;
      }
      docs.push(JSON.parse(readFileSync(file, "utf8")));
    } else if (name.endsWith(".json") && name !== "service-list.json" && name !== "mapping.json") {
      docs.push(JSON.parse(readFileSync(path, "utf8")));
    }
  }
  return docs;
}

function main(): number {
  const a = args(process.argv.slice(2));
  const out = resolve(a.out ?? "lib/core/data/operation-map.json");
  const map = buildOperationMap(
    snapshotDocuments(resolve(a.from)),
    {
      origin: "https://servicereference.us-east-1.amazonaws.com/v1/",
      snapshot: a.snapshot,
      ...(a.commit ? { commit: a.commit } : {}),
      date: new Date(a.date).toISOString(),
    },
    (action) => getActionInfo(action)?.resourceTypes.map((r) => r.name.toLowerCase()),
  );
  writeFileAtomic(out, serializeOperationMap(map));
  process.stdout.write(`${out}: ${map.counts.operations} operations of ${map.counts.services} services\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`build-operation-map: ${e instanceof OperationMapError ? e.message : (e as Error).message}\n`);
  process.exitCode = 1;
}
