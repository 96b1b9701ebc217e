import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTestDb, type TestDb, type TestDbKind } from "@/lib/testing/db";
import { savePolicyDraft } from "@/lib/console/save-policy-draft";
import { createConsoleUser } from "./users-create";
import { deleteConsoleUser } from "./users-delete";
import { listConsoleUsers } from "./users-list";
import { setConsoleUserRole } from "./users-set-role";
import { ensureFirstAdmin } from "./users-ensure-first-admin";
import { verifyUserCredentials } from "./users-verify-credentials";

// The console's database paths run on both engines Leastwise supports.
describe.each<TestDbKind>(["pglite", "postgres"])("console users and drafts on %s", (kind) => {
  let testDb: TestDb;
  const saved = { ...process.env };

  beforeAll(async () => {
    testDb = await createTestDb({ kind });
    delete process.env.LEASTWISE_ADMIN_USER;
    delete process.env.LEASTWISE_ADMIN_PASSWORD;
    resetEnvCache();
  }, 180_000);

  afterAll(async () => {
    await testDb?.close();
    process.env = saved;
    resetEnvCache();
  });

  it("creates the first admin with a generated password printed once, and only once", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await ensureFirstAdmin({ db: testDb.prisma });
    const printed = log.mock.calls.map((c) => String(c[0])).join("\n");
    const password = /password:\s+(\S+)/.exec(printed)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await verifyUserCredentials({ username: "admin", password: password!, db: testDb.prisma })).toMatchObject({
      username: "admin",
      role: "admin",
    });
    log.mockClear();
    await ensureFirstAdmin({ db: testDb.prisma });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("takes the admin from the environment, resetting its password when it changes there", async () => {
    process.env.LEASTWISE_ADMIN_USER = "ops";
    process.env.LEASTWISE_ADMIN_PASSWORD = "first-password-123";
    resetEnvCache();
    await ensureFirstAdmin({ db: testDb.prisma });
    expect(await verifyUserCredentials({ username: "ops", password: "first-password-123", db: testDb.prisma })).toMatchObject({
      role: "admin",
    });
    process.env.LEASTWISE_ADMIN_PASSWORD = "second-password-456";
    resetEnvCache();
    await ensureFirstAdmin({ db: testDb.prisma });
    expect(await verifyUserCredentials({ username: "ops", password: "first-password-123", db: testDb.prisma })).toBeNull();
    expect(await verifyUserCredentials({ username: "ops", password: "second-password-456", db: testDb.prisma })).toMatchObject({
      role: "admin",
    });
  });

  it("refuses wrong passwords and unknown users alike", async () => {
    expect(await verifyUserCredentials({ username: "ops", password: "nope", db: testDb.prisma })).toBeNull();
    expect(await verifyUserCredentials({ username: "nobody", password: "second-password-456", db: testDb.prisma })).toBeNull();
  });

  it("creates users with clear errors for bad names, short passwords and duplicates", async () => {
    await expect(createConsoleUser({ username: "has space", role: "viewer", db: testDb.prisma })).rejects.toMatchObject({
      field: "username",
    });
    await expect(createConsoleUser({ username: "bob", role: "viewer", password: "short", db: testDb.prisma })).rejects.toMatchObject({
      field: "password",
    });
    const bob = await createConsoleUser({ username: "bob", role: "viewer", db: testDb.prisma });
    expect(bob.password).toHaveLength(24);
    expect(await verifyUserCredentials({ username: "bob", password: bob.password!, db: testDb.prisma })).toMatchObject({ role: "viewer" });
    await expect(createConsoleUser({ username: "bob", role: "admin", db: testDb.prisma })).rejects.toMatchObject({
      code: "CONFLICT",
      field: "username",
    });
    const carol = await createConsoleUser({ username: "carol", role: "viewer", password: "carols-own-password", db: testDb.prisma });
    expect(carol.password).toBeNull();
  });

  it("never deletes or demotes the last administrator, nor lets one delete themselves", async () => {
    const users = await listConsoleUsers({ db: testDb.prisma });
    const id = (name: string) => users.find((u) => u.username === name)!.id;
    await expect(deleteConsoleUser({ id: id("bob"), actingUsername: "bob", db: testDb.prisma })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await setConsoleUserRole({ id: id("admin"), role: "viewer", db: testDb.prisma });
    await expect(setConsoleUserRole({ id: id("ops"), role: "viewer", db: testDb.prisma })).rejects.toThrow(/last administrator/);
    await expect(deleteConsoleUser({ id: id("ops"), actingUsername: "bob", db: testDb.prisma })).rejects.toThrow(/last administrator/);
    await deleteConsoleUser({ id: id("bob"), actingUsername: "ops", db: testDb.prisma });
    expect((await listConsoleUsers({ db: testDb.prisma })).map((u) => u.username)).toEqual(["admin", "carol", "ops"]);
  });

  it("saves wizard drafts: selection and text independently, reset with null", async () => {
    const key = { principalArn: "arn:aws:iam::111122223333:role/app", jobId: "7b0c2c1e-4a55-4e1b-9d2b-1f6c1a7b9e10" };
    const selection = { removedActions: ["s3:PutObject"], addedActions: [], acceptedPassRoles: [], acceptedDenied: [] };
    await savePolicyDraft({ ...key, updatedBy: "ops", selection, db: testDb.prisma });
    await savePolicyDraft({ ...key, updatedBy: "carol", documentText: '{"Version":"2012-10-17"}', db: testDb.prisma });
    const db = testDb.prisma;
    let row = await db.policyDraft.findUnique({ where: { principalArn_jobId: key } });
    expect(row).toMatchObject({ selection, documentText: '{"Version":"2012-10-17"}', updatedBy: "carol" });
    await savePolicyDraft({ ...key, updatedBy: "ops", documentText: null, db: testDb.prisma });
    row = await db.policyDraft.findUnique({ where: { principalArn_jobId: key } });
    expect(row).toMatchObject({ selection, documentText: null });
  });
});
