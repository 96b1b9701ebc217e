// `leastwise catalog update [--url URL] [--json]` refreshes AWS's operation map (the Service
// Reference) into the data directory; `leastwise catalog version [--json]` shows what is in use.
import { catalogVersion } from "@/lib/catalog-update/catalog-version";
import { CatalogUpdateError, updateCatalog } from "@/lib/catalog-update/update-catalog";
import { env } from "@/lib/env";

const USAGE = `usage: leastwise catalog update [--url URL] [--json]
       leastwise catalog version [--json]`;

function usage(reason: string): number {
  process.stderr.write(`leastwise catalog: ${reason}\n${USAGE}\n`);
  return 2;
}

function describe(json: boolean): string {
  const v = catalogVersion();
  if (json) return JSON.stringify(v, null, 2);
  const m = v.operationMap;
  return (
    `operation map: ${m.kind} (${m.operations} operations of ${m.services} services), ${m.snapshot}${m.commit ? ` @ ${m.commit.slice(0, 12)}` : ""}, taken ${m.date}\n` +
    `IAM catalog:   ${v.iamCatalog.package} ${v.iamCatalog.version}${v.iamCatalog.updatedAt ? ` (${v.iamCatalog.updatedAt})` : ""}`
  );
}

export async function catalogCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes("--json");
  const positional = rest.filter((a) => a !== "--json");
  if (sub === "version") {
    if (positional.length > 0) return usage(`unknown argument ${positional[0]}`);
    process.stdout.write(`${describe(json)}\n`);
    return 0;
  }
  if (sub !== "update") return usage(sub ? `unknown subcommand "${sub}"` : "a subcommand is needed");
  let url = env().LEASTWISE_SERVICE_REFERENCE_URL;
  for (let i = 0; i < positional.length; i++) {
    if (positional[i] === "--url" && positional[i + 1]) url = positional[++i];
    else if (positional[i].startsWith("--url=")) url = positional[i].slice(6);
    else return usage(`unknown argument ${positional[i]}`);
  }
  try {
    const r = await updateCatalog({ dataDir: env().LEASTWISE_DATA_DIR, baseUrl: url });
    if (json) process.stdout.write(`${JSON.stringify({ path: r.path, ...catalogVersion() }, null, 2)}\n`);
    else
      process.stdout.write(
        `Refreshed the operation map from ${url}: ${r.operations} operations of ${r.services} services, written to ${r.path}\n${describe(false)}\n`,
      );
    return 0;
  } catch (e) {
    if (e instanceof CatalogUpdateError) {
      process.stderr.write(`leastwise catalog: ${e.message}\n${describe(false)}\n`);
      return 1;
    }
    throw e;
  }
}
