// Leastwise's own credential for the local account: provisioned once, stable, replaced after a revoke.
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { iamClient } from "@/lib/aws/clients";
import { getInternalCredential, INTERNAL_KEY_NAME, resetInternalCredential } from "./internal-credential";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";

describe("internal credential", () => {
  let f: LocalAwsFixture;
  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
  });
  afterAll(() => f?.stop());

  const internalKeys = async () => (await listApiKeys()).filter((k) => k.name === INTERNAL_KEY_NAME);

  it("is created once even when several requests need it at the same time", async () => {
    const results = await Promise.all([getInternalCredential(), getInternalCredential(), getInternalCredential()]);
    expect(new Set(results.map((r) => r.accessKeyId)).size).toBe(1);
    resetInternalCredential();
    const [a, b] = await Promise.all([getInternalCredential(), (resetInternalCredential(), getInternalCredential())]);
    expect(a.accessKeyId).toBe(b.accessKeyId);
    expect((await internalKeys()).filter((k) => !k.revokedAt)).toHaveLength(1);
    expect(results[0].secretAccessKey).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it("signs the app's own requests", async () => {
    expect((await iamClient().send(new ListRolesCommand({}))).Roles).toEqual([]);
  });

  it("is replaced after an admin revokes it", async () => {
    const before = await getInternalCredential();
    await revokeApiKey({ id: before.accessKeyId });
    resetInternalCredential(); // what the five-second cache expiry does
    const after = await getInternalCredential();
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
    expect((await iamClient().send(new ListRolesCommand({}))).Roles).toEqual([]);
    const keys = await internalKeys();
    expect(keys.filter((k) => !k.revokedAt).map((k) => k.accessKeyId)).toEqual([after.accessKeyId]);
  });
});
