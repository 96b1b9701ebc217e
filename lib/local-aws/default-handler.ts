// The local AWS endpoint wired to the process database, the local account, Leastwise's SigV4 keys
// and its trail registry.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { createLocalAwsHandler, type LocalAwsService } from "./create-local-aws-handler";
import { listLocalTrails } from "./cloudtrail/list-local-trails";
import { ensureLocalAccount } from "./ensure-local-account";
import { verifyLocalAwsRequest } from "./verify-local-aws-request";

export function localAwsHandler(): (request: Request, service?: LocalAwsService) => Promise<Response> {
  return createLocalAwsHandler({
    db: getDb,
    accountId: ensureLocalAccount,
    verify: (request, service) => verifyLocalAwsRequest(request, { service }),
    listTrails: (db, accountId) => listLocalTrails({ db, accountId }),
    limits: { attachedPoliciesPerEntity: env().LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES },
    stsPropagationDelayMs: env().LEASTWISE_LOCAL_STS_PROPAGATION_S * 1000,
  });
}
