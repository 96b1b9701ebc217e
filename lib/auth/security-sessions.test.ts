// Issue 11 item 1: a console sign-in is a database row checked on every request. Sign-out,
// demotion, deletion and a password change end it at once; the role is always the current one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createTestDb, type TestDb, type TestDbKind } from "@/lib/testing/db";
import { getAuthOptions } from "./next-auth-options";
import { checkConsoleSession } from "./sessions-check";
import { createConsoleSession } from "./sessions-create";
import { revokeConsoleSessions } from "./sessions-revoke";
import { createConsoleUser } from "./users-create";
import { deleteConsoleUser } from "./users-delete";
import { ensureFirstAdmin } from "./users-ensure-first-admin";
import { setConsoleUserRole } from "./users-set-role";

describe.each<TestDbKind>(["pglite", "postgres"])("console sessions on %s", (kind) => {
  let testDb: TestDb;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    testDb = await createTestDb({ kind });
    dataDir = mkdtempSync(join(tmpdir(), "lw-sec-sessions-"));
    // The next-auth callbacks use the process database: point it at this test's.
    Object.assign(process.env, { DATABASE_URL: testDb.url, LEASTWISE_DATA_DIR: dataDir, NEXTAUTH_SECRET: "test-secret-0123456789abcdef" });
    delete process.env.LEASTWISE_ADMIN_USER;
    delete process.env.LEASTWISE_ADMIN_PASSWORD;
    resetEnvCache();
  }, 180_000);

  afterAll(async () => {
    await closeDb();
    await testDb?.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
    resetEnvCache();
  });

  const db = () => testDb.prisma;
  const newUser = async (username: string, role: "admin" | "viewer") => {
    await createConsoleUser({ username, role, password: "a-long-enough-password", db: db() });
    return (await db().consoleUser.findUniqueOrThrow({ where: { username } })).id;
  };

  it("a session names its user with the user's current role", async () => {
    const userId = await newUser(`alice-${kind}`, "admin");
    const s = await createConsoleSession({ userId, db: db() });
    expect(await checkConsoleSession({ sessionId: s.id, db: db() })).toEqual({ userId, username: `alice-${kind}`, role: "admin" });
  });

  it("demotion ends every session of the user", async () => {
    await newUser(`keeper-${kind}`, "admin");
    const userId = await newUser(`bob-${kind}`, "admin");
    const a = await createConsoleSession({ userId, db: db() });
    const b = await createConsoleSession({ userId, db: db() });
    await setConsoleUserRole({ id: userId, role: "viewer", db: db() });
    expect(await checkConsoleSession({ sessionId: a.id, db: db() })).toBeNull();
    expect(await checkConsoleSession({ sessionId: b.id, db: db() })).toBeNull();
    // Signing in again gives a viewer.
    const c = await createConsoleSession({ userId, db: db() });
    expect((await checkConsoleSession({ sessionId: c.id, db: db() }))?.role).toBe("viewer");
  });

  it("deleting a user ends their sessions", async () => {
    const userId = await newUser(`carol-${kind}`, "viewer");
    const s = await createConsoleSession({ userId, db: db() });
    await deleteConsoleUser({ id: userId, actingUsername: "someone-else", db: db() });
    expect(await checkConsoleSession({ sessionId: s.id, db: db() })).toBeNull();
  });

  it("a password change (LEASTWISE_ADMIN_PASSWORD) ends the sessions made with the old one", async () => {
    process.env.LEASTWISE_ADMIN_USER = `root-${kind}`;
    process.env.LEASTWISE_ADMIN_PASSWORD = "first-password-000";
    resetEnvCache();
    await ensureFirstAdmin({ db: db() });
    const userId = (await db().consoleUser.findUniqueOrThrow({ where: { username: `root-${kind}` } })).id;
    const s = await createConsoleSession({ userId, db: db() });
    await ensureFirstAdmin({ db: db() }); // same password: nothing ends
    expect(await checkConsoleSession({ sessionId: s.id, db: db() })).not.toBeNull();
    process.env.LEASTWISE_ADMIN_PASSWORD = "second-password-000";
    resetEnvCache();
    await ensureFirstAdmin({ db: db() });
    expect(await checkConsoleSession({ sessionId: s.id, db: db() })).toBeNull();
    delete process.env.LEASTWISE_ADMIN_USER;
    delete process.env.LEASTWISE_ADMIN_PASSWORD;
    resetEnvCache();
  });

  it("sign-out ends that session only; an expired or unknown one is refused", async () => {
    const userId = await newUser(`dave-${kind}`, "viewer");
    const a = await createConsoleSession({ userId, db: db() });
    const b = await createConsoleSession({ userId, db: db() });
    expect(await revokeConsoleSessions({ sessionId: a.id, db: db() })).toBe(1);
    expect(await checkConsoleSession({ sessionId: a.id, db: db() })).toBeNull();
    expect(await checkConsoleSession({ sessionId: b.id, db: db() })).not.toBeNull();
    const old = await createConsoleSession({ userId, db: db(), now: new Date(Date.now() - 13 * 3600_000) });
    expect(await checkConsoleSession({ sessionId: old.id, db: db() })).toBeNull();
    expect(await checkConsoleSession({ sessionId: "00000000-0000-0000-0000-000000000000", db: db() })).toBeNull();
    expect(await checkConsoleSession({ sessionId: "not-a-uuid", db: db() })).toBeNull();
  });

  it("next-auth's jwt callback reads the row on every request: demoted, deleted, signed out, or a cookie from before", async () => {
    const callbacks = getAuthOptions().callbacks!;
    const jwt = (token: JWT, user?: { id: string; userId: string; name: string; role: "admin" | "viewer" }) =>
      callbacks.jwt!({ token, user: user as never, account: null } as never);
    await newUser(`keeper2-${kind}`, "admin");
    const userId = await newUser(`erin-${kind}`, "admin");
    const token = await jwt({ name: `erin-${kind}` }, { id: userId, userId, name: `erin-${kind}`, role: "admin" });
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await jwt({ ...token })).role).toBe("admin");
    // A token that still says admin is corrected from the database... and a demotion ends it.
    await setConsoleUserRole({ id: userId, role: "viewer", db: db() });
    await expect(jwt({ ...token, role: "admin" })).rejects.toThrow(/ended/);
    // A cookie minted before sessions existed (no sid) is not honoured.
    await expect(jwt({ name: `erin-${kind}`, role: "admin" })).rejects.toThrow(/ended/);
    // Sign-out through next-auth's event.
    const fresh = await jwt({ name: `erin-${kind}` }, { id: userId, userId, name: `erin-${kind}`, role: "viewer" });
    await getAuthOptions().events!.signOut!({ token: fresh, session: undefined as never });
    await expect(jwt({ ...fresh })).rejects.toThrow(/ended/);
  });
});
