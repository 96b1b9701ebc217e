// The credential Leastwise's own SDK clients sign local-account requests with: an ordinary Leastwise
// API key (so the endpoint verifies it like any other), created on first use, remembered on the
// local account, its secret read back from the key store (encrypted at rest) and never shown. If an
// admin revokes it, the next lookup (at most five seconds later) provisions a new one.
import { createApiKey, lookupActiveApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { getDb } from "@/lib/db";
import { ensureLocalAccount } from "./ensure-local-account";

export const INTERNAL_KEY_NAME = "Leastwise internal - local account";
const TTL_MS = 5_000;

interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
}

let cached: { at: number; value: Promise<Credential> } | undefined;

export function getInternalCredential(): Promise<Credential> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const value = provision().catch((error) => {
      cached = undefined;
      throw error;
    });
    cached = { at: Date.now(), value };
  }
  return cached.value;
}

/** Forget the cached credential (tests; after a restore of the database). */
export function resetInternalCredential(): void {
  cached = undefined;
}

async function provision(): Promise<Credential> {
  const db = await getDb();
  const accountId = await ensureLocalAccount(db);
  const account = await db.localAccount.findUniqueOrThrow({ where: { id: accountId } });
  if (account.internalAccessKeyId) {
    const active = await lookupActiveApiKey({ accessKeyId: account.internalAccessKeyId, db });
    if (active) return { accessKeyId: account.internalAccessKeyId, secretAccessKey: active.secretAccessKey };
  }
  const created = await createApiKey({ name: INTERNAL_KEY_NAME, scopes: API_KEY_SCOPES, createdBy: "leastwise", db });
  // Only one process may install its key; a loser revokes its own and uses the winner's.
  const won = await db.localAccount.updateMany({
    where: { id: accountId, internalAccessKeyId: account.internalAccessKeyId },
    data: { internalAccessKeyId: created.accessKeyId },
  });
  if (won.count === 1) return { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey };
  await revokeApiKey({ id: created.id, db });
  return provision();
}
