// Entry of a scan worker thread. Plain JavaScript so that it loads the same way under tsx, vitest,
// a Next.js server and a compiled build: it registers tsx's loader (a runtime dependency) in this
// thread, then imports the TypeScript worker. Workers are started with execArgv [] so no loader is
// inherited twice.
import { register } from "tsx/esm/api";

register();
await import("./scan-worker-main.ts");
