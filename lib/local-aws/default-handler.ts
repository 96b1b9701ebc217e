// The local AWS endpoint wired to the process database, the local account, Leastwise's SigV4 keys
// and its trail registry. It is served only in local account mode.
import { getDb } from "@/lib/db";
import { verifySigV4Request } from "@/lib/auth/sigv4-verify";
import { env } from "@/lib/env";
import { createLocalAwsHandler, type LocalAwsService } from "./create-local-aws-handler";
import { listLocalTrails } from "./cloudtrail/list-local-trails";
import { ensureLocalAccount } from "./ensure-local-account";

export function localAwsHandler(): (request: Request, service?: LocalAwsService) => Promise<Response> {
  // With a real account the local one does not exist: no signature check, no body read, no database.
  if (env().LEASTWISE_ACCOUNT_MODE !== "local") return async () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return createLocalAwsHandler({
    db: getDb,
    accountId: ensureLocalAccount,
    verify: (request, service) => verifySigV4Request(request, { service }),
    listTrails: (db, accountId) => listLocalTrails({ db, accountId }),
    limits: { attachedPoliciesPerEntity: env().LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES },
  });
}
