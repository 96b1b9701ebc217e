/**
 * AWS's own operation -> IAM action map (the Service Reference, "Simplified AWS service information
 * for programmatic access": per service, `Operations[].AuthorizedActions`), reduced to facts (names)
 * by scripts/build-operation-map.ts into lib/core/data/operation-map.json. The bundled file is the
 * offline default; `leastwise catalog update` writes a refreshed copy into the data directory, and
 * an entry point installs it with `installOperationMap` (this module does no I/O).
 *
 * File format (`FORMAT`), one line per operation so a refresh reviews as a diff:
 *   operations: { "<service file name>": ["<Operation> <svc:Action> <svc:Action>...", ...] }
 * A token `iam:PassRole>ec2.amazonaws.com,lambda.amazonaws.com` carries the iam:PassedToService
 * values AWS lists. `aliases` names the files whose operations belong to another IAM prefix (the
 * "opensearch" file holds the operations of es.amazonaws.com). `noPolicyGeneration` lists, per
 * service, the actions whose SupportedBy "IAM Access Analyzer Policy Generation" is false.
 * `resources` holds the Service Reference's resource-type list of an action where it disagrees with
 * the IAM catalog's (the policy follows AWS there, see docs/core.md).
 */
export const OPERATION_MAP_FORMAT = "leastwise-operation-map/1";

export interface OperationMapSource {
  /** where the data comes from (AWS's endpoint) */
  origin: string;
  /** the snapshot it was read from: a repository, or the URL for a live refresh */
  snapshot: string;
  /** the snapshot's commit, when it is a repository */
  commit?: string;
  /** when the snapshot was taken (ISO-8601) */
  date: string;
}

export interface OperationMapFile {
  format: string;
  source: OperationMapSource;
  generator: string;
  counts: { services: number; operations: number };
  aliases: Record<string, string[]>;
  operations: Record<string, string[]>;
  noPolicyGeneration: Record<string, string>;
  resources: Record<string, string[]>;
}

export interface OperationEntry {
  /** the Service Reference's operation name */
  operation: string;
  /** the file it is in (usually the IAM prefix) */
  file: string;
  /** AuthorizedActions as "svc:Action", in the file's order, without duplicates */
  actions: string[];
  /** iam:PassedToService values AWS lists for iam:PassRole, sorted */
  passedToService: string[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ACTION = /^[a-z0-9][a-z0-9-]*:[A-Za-z0-9*_-]+$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*$/;

/** Thrown for a file that is not an operation map (the update path and the loader report it). */
export class OperationMapError extends Error {}

/** Checks a parsed operation-map file; throws OperationMapError naming the first problem. */
export function validateOperationMap(value: unknown): OperationMapFile {
  const fail = (message: string): never => {
    throw new OperationMapError(`Not an operation map: ${message}.`);
  };
  if (!value || typeof value !== "object" || Array.isArray(value)) fail("not a JSON object");
  const v = value as Record<string, unknown>;
  if (v.format !== OPERATION_MAP_FORMAT) fail(`format is ${JSON.stringify(v.format)}, expected ${OPERATION_MAP_FORMAT}`);
  const source = v.source as Record<string, unknown> | undefined;
  if (
    !source ||
    typeof source.origin !== "string" ||
    typeof source.snapshot !== "string" ||
    typeof source.date !== "string" ||
    Number.isNaN(Date.parse(source.date))
  ) {
    fail("source needs origin, snapshot and an ISO date");
  }
  if (source!.commit !== undefined && (typeof source!.commit !== "string" || !/^[0-9a-f]{7,40}$/.test(source!.commit)))
    fail("source.commit is not a commit id");
  const ops = v.operations as Record<string, unknown> | undefined;
  if (!ops || typeof ops !== "object" || Array.isArray(ops)) fail("operations is not an object");
  let count = 0;
  for (const [file, lines] of Object.entries(ops!)) {
    if (!NAME.test(file)) fail(`service name ${JSON.stringify(file)}`);
    if (!Array.isArray(lines)) fail(`operations of ${file} is not a list`);
    for (const line of lines as unknown[]) {
      if (typeof line !== "string") fail(`an operation of ${file} is not a string`);
      const [op, ...tokens] = (line as string).split(" ");
      if (!NAME.test(op)) fail(`operation ${JSON.stringify(op)} of ${file}`);
      for (const t of tokens) {
        const [action, services] = t.split(">");
        if (!ACTION.test(action)) fail(`action ${JSON.stringify(t)} of ${file}:${op}`);
        if (services !== undefined && (action !== "iam:PassRole" || !services.split(",").every((s) => SERVICE_PRINCIPAL.test(s))))
          fail(`context ${JSON.stringify(t)} of ${file}:${op}`);
      }
      count++;
    }
  }
  if (count === 0) fail("no operations");
  const counts = v.counts as Record<string, unknown> | undefined;
  if (!counts || counts.operations !== count || counts.services !== Object.keys(ops!).length) fail("counts do not match the operations");
  const aliases = (v.aliases ?? {}) as Record<string, unknown>;
  for (const [prefix, files] of Object.entries(aliases)) {
    if (!NAME.test(prefix) || !Array.isArray(files) || !files.every((f) => typeof f === "string" && f in ops!)) fail(`alias ${prefix}`);
  }
  const npg = (v.noPolicyGeneration ?? {}) as Record<string, unknown>;
  for (const [s, names] of Object.entries(npg)) if (!NAME.test(s) || typeof names !== "string") fail(`noPolicyGeneration.${s}`);
  const res = (v.resources ?? {}) as Record<string, unknown>;
  for (const [a, list] of Object.entries(res))
    if (!ACTION.test(a) || !Array.isArray(list) || !list.every((x) => typeof x === "string")) fail(`resources.${a}`);
  return {
    format: OPERATION_MAP_FORMAT,
    source: source as unknown as OperationMapSource,
    generator: typeof v.generator === "string" ? v.generator : "",
    counts: counts as unknown as OperationMapFile["counts"],
    aliases: aliases as Record<string, string[]>,
    operations: ops as Record<string, string[]>,
    noPolicyGeneration: npg as Record<string, string>,
    resources: res as Record<string, string[]>,
  };
}

/** Deterministic text of a map: sorted keys, one line per operation, so a refresh diffs well. */
export function serializeOperationMap(file: OperationMapFile): string {
  const j = JSON.stringify;
  const sortedKeys = (o: Record<string, unknown>) => Object.keys(o).sort();
  const out: string[] = ["{"];
  out.push(`  "format": ${j(file.format)},`);
  out.push(
    `  "source": ${j({ origin: file.source.origin, snapshot: file.source.snapshot, ...(file.source.commit ? { commit: file.source.commit } : {}), date: file.source.date })},`,
  );
  out.push(`  "generator": ${j(file.generator)},`);
  out.push(`  "counts": ${j({ services: file.counts.services, operations: file.counts.operations })},`);
  out.push(`  "aliases": ${j(Object.fromEntries(sortedKeys(file.aliases).map((k) => [k, [...file.aliases[k]].sort()])))},`);
  const block = (name: string, obj: Record<string, unknown>, render: (k: string) => string, last = false) => {
    const keys = sortedKeys(obj);
    out.push(`  ${j(name)}: {${keys.length === 0 ? `}${last ? "" : ","}` : ""}`);
    if (keys.length === 0) return;
    keys.forEach((k, i) => out.push(`${render(k)}${i === keys.length - 1 ? "" : ","}`));
    out.push(`  }${last ? "" : ","}`);
  };
  block("operations", file.operations, (k) => {
    const lines = [...file.operations[k]].sort();
    return `    ${j(k)}: [\n${lines.map((l) => `      ${j(l)}`).join(",\n")}\n    ]`;
  });
  block("noPolicyGeneration", file.noPolicyGeneration, (k) => `    ${j(k)}: ${j(file.noPolicyGeneration[k])}`);
  block("resources", file.resources, (k) => `    ${j(k)}: ${j(file.resources[k])}`, true);
  out.push("}");
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Building a map from Service Reference documents (the generator script and the update path).

interface SrAuthorizedAction {
  Name?: unknown;
  Service?: unknown;
  Context?: Record<string, unknown>;
}
interface SrDocument {
  Name?: unknown;
  Actions?: Array<{ Name?: unknown; Resources?: Array<{ Name?: unknown }>; SupportedBy?: Record<string, unknown> }>;
  Operations?: Array<{ Name?: unknown; AuthorizedActions?: SrAuthorizedAction[] }>;
}

/** The catalog's resource-type names of an action (lower case), for the disagreement list; undefined: not in the catalog. */
export type CatalogResourceLookup = (action: string) => string[] | undefined;

/**
 * An operation map from parsed per-service Service Reference documents. Throws OperationMapError
 * for a document of the wrong shape. `catalogResources` (the pinned IAM catalog) lets it record the
 * actions whose resource lists disagree with the catalog.
 */
export function buildOperationMap(
  documents: readonly unknown[],
  source: OperationMapSource,
  catalogResources: CatalogResourceLookup,
  generator = "scripts/build-operation-map.ts",
): OperationMapFile {
  const operations: Record<string, string[]> = {};
  const noPolicyGeneration: Record<string, string> = {};
  const resources: Record<string, string[]> = {};
  const aliases: Record<string, string[]> = {};
  let count = 0;
  for (const raw of documents) {
    const doc = raw as SrDocument;
    if (!doc || typeof doc !== "object" || typeof doc.Name !== "string" || !NAME.test(doc.Name) || !Array.isArray(doc.Actions)) {
      throw new OperationMapError(
        `Not a Service Reference document: ${JSON.stringify(String((doc as SrDocument)?.Name ?? "?"))} has no Name or Actions.`,
      );
    }
    const file = doc.Name;
    const unsupported: string[] = [];
    for (const a of doc.Actions) {
      if (typeof a?.Name !== "string") throw new OperationMapError(`Not a Service Reference document: an action of ${file} has no Name.`);
      if (a.SupportedBy?.["IAM Access Analyzer Policy Generation"] === false) unsupported.push(a.Name);
      const srList = (a.Resources ?? [])
        .map((r) => String(r?.Name ?? "").toLowerCase())
        .filter(Boolean)
        .sort();
      const catList = catalogResources(`${file}:${a.Name}`);
      if (catList && [...catList].sort().join(" ") !== srList.join(" ")) resources[`${file}:${a.Name}`] = srList;
    }
    if (unsupported.length > 0) noPolicyGeneration[file] = unsupported.sort().join(" ");
    const lines: string[] = [];
    const owners = new Map<string, number>();
    for (const op of doc.Operations ?? []) {
      if (typeof op?.Name !== "string" || !NAME.test(op.Name))
        throw new OperationMapError(`Not a Service Reference document: an operation of ${file} has no usable Name.`);
      const tokens: string[] = [];
      const seen = new Set<string>();
      for (const aa of op.AuthorizedActions ?? []) {
        const name = `${String(aa?.Service ?? "")}:${String(aa?.Name ?? "")}`;
        if (!ACTION.test(name))
          throw new OperationMapError(`Not a Service Reference document: ${file}:${op.Name} authorizes ${JSON.stringify(name)}.`);
        owners.set(String(aa.Service), (owners.get(String(aa.Service)) ?? 0) + 1);
        const passed = name === "iam:PassRole" ? aa.Context?.["iam:PassedToService"] : undefined;
        const services = Array.isArray(passed) ? [...new Set(passed.map(String))].filter((s) => SERVICE_PRINCIPAL.test(s)).sort() : [];
        if (seen.has(name)) continue;
        seen.add(name);
        tokens.push(services.length > 0 ? `${name}>${services.join(",")}` : name);
      }
      lines.push([op.Name, ...tokens].join(" "));
    }
    if (lines.length === 0) continue;
    if (operations[file]) throw new OperationMapError(`Not a Service Reference snapshot: the service ${file} appears twice.`);
    operations[file] = lines.sort();
    count += lines.length;
    // A file whose operations are authorized mostly under another prefix (opensearch -> es) serves that prefix's events too.
    const top = [...owners].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (top && top[0] !== file && top[1] * 2 > [...owners.values()].reduce((x, y) => x + y, 0)) (aliases[top[0]] ??= []).push(file);
  }
  if (count === 0) throw new OperationMapError("Not a Service Reference snapshot: no operations.");
  return {
    format: OPERATION_MAP_FORMAT,
    source,
    generator,
    counts: { services: Object.keys(operations).length, operations: count },
    aliases,
    operations,
    noPolicyGeneration,
    resources,
  };
}
