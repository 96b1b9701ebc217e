// Who signed a request to the local account: a Leastwise API key (the account's root), or a session
// of the local STS (an assumed role). Session keys are checked against their token and their parent
// key, which must still be active (revoking a key ends its sessions, as deleting an access key
// does not in AWS but as an administrator expects here).
import { lookupActiveApiKey } from "@/lib/auth/api-keys";
import { verifySigV4Request } from "@/lib/auth/sigv4-verify";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readSessionCredentials, SESSION_KEY_PREFIX, type LocalSession } from "./sts/session-credentials";

export async function verifyLocalAwsRequest(
  request: Request,
  o: { service: string; db?: PrismaClient; maxBodyBytes?: number },
): Promise<{ accessKeyId: string; body: Uint8Array; session?: LocalSession }> {
  let session: LocalSession | undefined;
  const { accessKeyId, body } = await verifySigV4Request(request, {
    service: o.service,
    db: o.db,
    maxBodyBytes: o.maxBodyBytes,
    lookupKey: async (keyId, req) => {
      if (!keyId.startsWith(SESSION_KEY_PREFIX)) return undefined;
      const read = readSessionCredentials({ accessKeyId: keyId, sessionToken: req.headers.get("x-amz-security-token") });
      if (!(await lookupActiveApiKey({ accessKeyId: read.session.parentAccessKeyId, db: o.db }))) {
        throw new AppError("UNAUTHORIZED", "The security token included in the request is invalid.", {
          status: 403,
          details: { awsErrorType: "UnrecognizedClientException" },
        });
      }
      session = read.session;
      return { secretAccessKey: read.secretAccessKey };
    },
  });
  return { accessKeyId, body, ...(session ? { session } : {}) };
}
