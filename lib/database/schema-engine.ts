// Loads Prisma's schema engine compiled to WebAssembly and binds it to a driver adapter. The Prisma 7
// CLI wants a native schema-engine binary it downloads from a host offline machines cannot reach;
// the wasm build does the same work (diff, apply, history) through the adapter we already use.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindingsPromise: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  // Resolved at run time from the project, not by Next's bundler (which rewrites require.resolve
  // and import() of this path to a virtual one that does not exist when the server runs).
  const require = createRequire(pathToFileURL(join(process.cwd(), "package.json")));
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = jsPath.replace(/\.js$/, ".wasm");
  const bindings = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(jsPath).href)) as Bindings & {
    __wbg_set_wasm(exports: unknown): void;
  };
  // The package imports its .wasm as an ES module, which Node 20 cannot do; instantiate it by hand
  // with the same import object the bundler would have built.
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return bindings;
}

export interface EngineLog {
  (message: string): void;
}

export async function openSchemaEngine(options: {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  schemaFiles?: [string, string][];
  log?: EngineLog;
}): Promise<SchemaEngine> {
  bindingsPromise ??= loadBindings();
  const bindings = await bindingsPromise;
  const bound = bindMigrationAwareSqlAdapterFactory(options.adapterFactory);
  const log = options.log ?? (() => {});
  return bindings.SchemaEngine.new({ datamodels: options.schemaFiles }, (msg: string) => log(msg), bound);
}
