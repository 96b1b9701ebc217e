// Test fixture: the local account standing in for a real AWS account. It has its own database (so
// the Leastwise under test, in LEASTWISE_ACCOUNT_MODE=aws, shares nothing with it but HTTP), serves
// IAM, CloudTrail and STS (AssumeRole with trust policies, optional propagation delay) over HTTP,
// and fronts a real s3rver with an S3 stand-in that checks STS session credentials as S3 does
// (expired: ExpiredToken, unknown: InvalidAccessKeyId) and records every request (Host and path, to
// prove path-style addressing). `awsEnv()` is what an administrator would set for a real account.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { createApiKey, lookupActiveApiKey } from "@/lib/auth/api-keys";
import { isAppError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { startS3rver, type S3rverHandle } from "@/lib/testing/s3rver";
import { registerTrail } from "@/lib/trails/register-trail";
import type { TrailSource } from "@/lib/trails/trail-record";
import { listLocalTrails } from "../cloudtrail/list-local-trails";
import { createLocalAwsHandler } from "../create-local-aws-handler";
import { authorizeLocalAwsKey } from "../default-handler";
import { ensureLocalAccount } from "../ensure-local-account";
import { serveWebHandler, type RunningServer, type WebHandler } from "../http/serve-web-handler";
import { readSessionCredentials, SESSION_KEY_PREFIX } from "../sts/session-credentials";
import { verifyLocalAwsRequest } from "../verify-local-aws-request";

export interface S3Seen {
  method: string;
  host: string;
  path: string;
  accessKeyId: string;
}

export interface AwsAccountFixture {
  db: TestDb;
  accountId: string;
  server: RunningServer;
  s3: S3rverHandle;
  /** the S3 endpoint Leastwise is given (the stand-in in front of s3rver) */
  s3Endpoint: string;
  s3Requests: S3Seen[];
  /** the access key of "the identity Leastwise runs as" (the account's root here) */
  credentials: { accessKeyId: string; secretAccessKey: string };
  iam: IAMClient;
  cloudTrail: CloudTrailClient;
  sts: STSClient;
  setPropagationDelayMs(ms: number): void;
  /** the environment of a Leastwise process pointed at this account in aws mode */
  awsEnv(extra?: Record<string, string>): Record<string, string | undefined>;
  registerTrail(o: { arn: string; source: TrailSource; orgId?: string }): Promise<void>;
  createRole(o: { name: string; path?: string; trust: unknown }): Promise<string>;
  stop(): Promise<void>;
}

export const ROOT_TRUST = (account: string) => ({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" },
    { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" },
  ],
});

export async function startAwsAccount(options: { wrap?: (h: WebHandler) => WebHandler } = {}): Promise<AwsAccountFixture> {
  const db = await createTestDb({ kind: "pglite" });
  let delayMs = 0;
  const handler: WebHandler = createLocalAwsHandler({
    db: async () => db.prisma,
    accountId: ensureLocalAccount,
    verify: (request, service) => verifyLocalAwsRequest(request, { service, db: db.prisma }),
    authorize: (accessKeyId, service) => authorizeLocalAwsKey(accessKeyId, service, db.prisma),
    listTrails: (d, accountId) => listLocalTrails({ db: d, accountId }),
    get stsPropagationDelayMs() {
      return delayMs;
    },
  });
  const server = await serveWebHandler(options.wrap ? options.wrap(handler) : handler);
  const accountId = await ensureLocalAccount(db.prisma);
  const credentials = await (async () => {
    const k = await createApiKey({
      name: "aws-account fixture",
      scopes: ["generations:read", "generations:write", "local-account:admin"],
      db: db.prisma,
    });
    return { accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey };
  })();
  const s3 = await startS3rver();
  const s3Requests: S3Seen[] = [];
  const proxy = await startS3StandIn(
    s3.endpoint,
    s3Requests,
    async (parent) => !!(await lookupActiveApiKey({ accessKeyId: parent, db: db.prisma })),
  );
  const config = (service: string) => ({
    endpoint: `${server.origin}/local-aws/${service}`,
    region: "us-east-1",
    credentials,
    maxAttempts: 1,
  });
  const iam = new IAMClient(config("iam"));
  return {
    db,
    accountId,
    server,
    s3,
    s3Endpoint: proxy.endpoint,
    s3Requests,
    credentials,
    iam,
    cloudTrail: new CloudTrailClient(config("cloudtrail")),
    sts: new STSClient(config("sts")),
    setPropagationDelayMs(ms) {
      delayMs = ms;
    },
    awsEnv(extra = {}) {
      return {
        LEASTWISE_ACCOUNT_MODE: "aws",
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_SESSION_TOKEN: undefined,
        AWS_REGION: "us-east-1",
        AWS_DEFAULT_REGION: undefined,
        AWS_PROFILE: undefined,
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_ENDPOINT_URL: undefined,
        AWS_ENDPOINT_URL_IAM: `${server.origin}/local-aws/iam`,
        AWS_ENDPOINT_URL_STS: `${server.origin}/local-aws/sts`,
        AWS_ENDPOINT_URL_CLOUDTRAIL: `${server.origin}/local-aws/cloudtrail`,
        AWS_ENDPOINT_URL_S3: proxy.endpoint,
        ...extra,
      };
    },
    async registerTrail(o) {
      await registerTrail({ ...o, db: db.prisma });
    },
    async createRole(o) {
      const out = await iam.send(
        new CreateRoleCommand({ RoleName: o.name, Path: o.path, AssumeRolePolicyDocument: JSON.stringify(o.trust) }),
      );
      return out.Role!.Arn!;
    },
    async stop() {
      iam.destroy();
      await proxy.stop();
      await s3.stop();
      await server.stop();
      await db.close();
    },
  };
}

/**
 * In front of s3rver (which checks only that the key ID is its own): session keys of the local STS
 * are checked (token, expiry, parent key) and then forwarded under s3rver's key; anything else is
 * refused as S3 refuses an unknown key.
 */
async function startS3StandIn(target: string, seen: S3Seen[], parentActive: (keyId: string) => Promise<boolean>) {
  const t = new URL(target);
  const s3Error = (res: http.ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/xml" });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>STANDIN</RequestId></Error>`,
    );
  };
  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    const keyId = /Credential=([^/]+)\//.exec(auth)?.[1] ?? "";
    seen.push({ method: req.method ?? "GET", host: req.headers.host ?? "", path: req.url ?? "/", accessKeyId: keyId });
    void (async () => {
      if (!keyId.startsWith(SESSION_KEY_PREFIX))
        return s3Error(res, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
      try {
        const { session } = readSessionCredentials({ accessKeyId: keyId, sessionToken: String(req.headers["x-amz-security-token"] ?? "") });
        if (!(await parentActive(session.parentAccessKeyId)))
          return s3Error(res, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
      } catch (error) {
        if (isAppError(error) && error.details?.awsErrorType === "ExpiredTokenException")
          return s3Error(res, 400, "ExpiredToken", "The provided token has expired.");
        return s3Error(res, 403, "InvalidToken", "The provided token is malformed or otherwise invalid.");
      }
      const headers = { ...req.headers, authorization: auth.replace(`Credential=${keyId}/`, "Credential=S3RVER/") };
      const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      });
      up.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    // "localhost", as an administrator would write it: a virtual-hosted request would go to
    // bucket.localhost and reach nothing.
    endpoint: `http://localhost:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
