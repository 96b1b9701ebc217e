// A Leastwise-issued SigV4 key for the test clients (the same kind an admin creates).
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";

export async function issueTestKey(): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { accessKeyId, secretAccessKey } = await createApiKey({ name: "local-aws tests", scopes: ["local-account:admin"] });
  return { accessKeyId, secretAccessKey };
}

export async function revokeTestKey(accessKeyId: string): Promise<void> {
  await revokeApiKey({ id: accessKeyId });
}
