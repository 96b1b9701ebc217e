// The authorization decision of the Access Analyzer API: after authenticate() verified the
// signature, the key must have the scope the operation needs (lib/auth/api-key-scopes.ts).
import { requireApiKeyScope, type ApiKeyScope } from "@/lib/auth/api-key-scopes";

export async function authorize(options: { requestedBy: string; scope: ApiKeyScope; operation: string }): Promise<void> {
  await requireApiKeyScope({
    accessKeyId: options.requestedBy.replace(/^apikey:/, ""),
    scope: options.scope,
    operation: options.operation,
  });
}
