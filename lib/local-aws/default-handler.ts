// The local AWS endpoint wired to the process database, the local account, Leastwise's SigV4 keys
// and its trail registry.
import { getDb } from "@/lib/db";
import { requireApiKeyScope } from "@/lib/auth/api-key-scopes";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LOCAL_AWS_MAX_BODY_BYTES } from "./body-limits";
import { createLocalAwsHandler, type LocalAwsService } from "./create-local-aws-handler";
import { listLocalTrails } from "./cloudtrail/list-local-trails";
import { ensureLocalAccount } from "./ensure-local-account";
import { verifyLocalAwsRequest } from "./verify-local-aws-request";

export function localAwsHandler(): (request: Request, service?: LocalAwsService) => Promise<Response> {
  return createLocalAwsHandler({
    db: getDb,
    accountId: ensureLocalAccount,
    verify: (request, service) => verifyLocalAwsRequest(request, { service, maxBodyBytes: LOCAL_AWS_MAX_BODY_BYTES[service] }),
    authorize: authorizeLocalAwsKey,
    listTrails: (db, accountId) => listLocalTrails({ db, accountId }),
    limits: { attachedPoliciesPerEntity: env().LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES },
    stsPropagationDelayMs: env().LEASTWISE_LOCAL_STS_PROPAGATION_S * 1000,
  });
}

/**
 * The Next route handlers of /local-aws/*: with a real account (LEASTWISE_ACCOUNT_MODE=aws) the
 * local account does not exist, so nothing is served (no signature check, body read or database).
 */
export function serveLocalAwsRoute(request: Request, service: LocalAwsService): Promise<Response> {
  if (env().LEASTWISE_ACCOUNT_MODE !== "local")
    return Promise.resolve(new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } }));
  return localAwsHandler()(request, service);
}

/**
 * IAM and CloudTrail of the local account need the local-account:admin scope (IAM writes are what
 * the account is for). STS GetCallerIdentity needs no permission in AWS either: any valid key.
 */
export async function authorizeLocalAwsKey(accessKeyId: string, service: LocalAwsService, db?: PrismaClient): Promise<void> {
  if (service === "sts") return;
  await requireApiKeyScope({
    accessKeyId,
    db,
    scope: "local-account:admin",
    operation: `the local account's ${service === "iam" ? "IAM" : "CloudTrail"} API`,
  });
}
