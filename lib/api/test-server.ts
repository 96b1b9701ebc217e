// A complete API server for tests and the API benchmark: the process database (embedded PGlite in a
// temp data dir, or a PostgreSQL URL), the queue and an in-process worker, a registered trail of
// generated logs, an issued key, and the API handlers on a node:http server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKey } from "@/lib/auth/api-keys";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { closeJobsContext, jobsContext } from "@/lib/jobs/queue";
import { startGenerationWorkers } from "@/lib/jobs/start-generation-workers";
import { makeTestTrail, registerTestTrail, TEST_TRAILS_ROOT, type TestTrail } from "@/lib/jobs/test-fixtures";
import { serveHandler } from "./node-adapter";
import { handleApiRequest } from "./router";

export interface ApiTestServer {
  url: string;
  key: { accessKeyId: string; secretAccessKey: string; id: string };
  trail: TestTrail;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startApiTestServer(
  options: { databaseUrl?: string; trailSizeMb?: number; trailDays?: number; worker?: boolean } = {},
): Promise<ApiTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "lw-api-"));
  process.env.LEASTWISE_DATA_DIR = dataDir;
  process.env.LEASTWISE_LOCAL_TRAILS_ROOT = TEST_TRAILS_ROOT; // the generated trail is a temp directory
  if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
  else delete process.env.DATABASE_URL;
  resetEnvCache();
  const db = await getDb();
  const ctx = await jobsContext();
  const trail = await makeTestTrail({ sizeMb: options.trailSizeMb, days: options.trailDays });
  await registerTestTrail(db, trail.dir);
  const key = await createApiKey({ name: "conformance", scopes: ["generations:read", "generations:write"] });
  const workers = options.worker === false ? undefined : await startGenerationWorkers({ ctx, concurrency: 2, log: () => {} });
  const http = await serveHandler(handleApiRequest);
  return {
    url: http.url,
    key,
    trail,
    dataDir,
    async stop() {
      await http.close();
      await workers?.stop();
      await closeJobsContext();
      await closeDb();
      trail.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
