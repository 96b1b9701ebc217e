// Imported by the entry points (CLI, Next.js instrumentation, job worker) after the catalog cache:
// a refreshed operation map in the data directory (`leastwise catalog update`) replaces the bundled
// snapshot. Tests do not import it: they always see the bundled map.
import { env } from "@/lib/env";
import { installRefreshedOperationMap } from "./refreshed-operation-map";

const { error } = installRefreshedOperationMap(env().LEASTWISE_DATA_DIR);
if (error) console.warn(`[catalog] ${error}`);
