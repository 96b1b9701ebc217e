// Test fixture: a fresh migrated database (PGlite or PostgreSQL) as the process database, an issued
// Leastwise API key, and the local AWS endpoint served on node:http at a free port, with real SDK
// clients signed by that key.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createTestDb, type TestDb, type TestDbKind } from "@/lib/testing/db";
import { localAwsHandler } from "../default-handler";
import { serveWebHandler, type RunningServer, type WebHandler } from "../http/serve-web-handler";
import { issueTestKey } from "./issue-test-key";

export interface LocalAwsFixture {
  testDb: TestDb;
  server: RunningServer;
  credentials: { accessKeyId: string; secretAccessKey: string };
  iam: IAMClient;
  cloudTrail: CloudTrailClient;
  sts: STSClient;
  stop(): Promise<void>;
}

export async function startLocalAws(
  options: { kind?: TestDbKind; env?: Record<string, string>; wrap?: (h: WebHandler) => WebHandler } = {},
): Promise<LocalAwsFixture> {
  const testDb = await createTestDb({ kind: options.kind ?? "pglite" });
  const saved = { ...process.env };
  const dataDir = mkdtempSync(join(tmpdir(), "lw-local-aws-"));
  Object.assign(process.env, { DATABASE_URL: testDb.url, LEASTWISE_ACCOUNT_MODE: "local", LEASTWISE_DATA_DIR: dataDir, ...options.env });
  resetEnvCache();
  await getDb();
  const credentials = await issueTestKey();
  const handler: WebHandler = (req) => localAwsHandler()(req);
  const server = await serveWebHandler(options.wrap ? options.wrap(handler) : handler);
  const config = (service: string) => ({
    endpoint: `${server.origin}/local-aws/${service}`,
    region: "us-east-1",
    credentials,
    maxAttempts: 1,
  });
  const fixture: LocalAwsFixture = {
    testDb,
    server,
    credentials,
    iam: new IAMClient(config("iam")),
    cloudTrail: new CloudTrailClient(config("cloudtrail")),
    sts: new STSClient(config("sts")),
    async stop() {
      await server.stop();
      await closeDb();
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.env = saved;
      resetEnvCache();
    },
  };
  return fixture;
}

export { getDb };
