// Issue 11 item 9: sign-in is throttled per user name and per client address (the right password
// does not get through while throttled), and passwords bcrypt would cut at 72 bytes are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTestDb, type TestDb, type TestDbKind } from "@/lib/testing/db";
import { createConsoleUser } from "./users-create";
import { signInWithPassword } from "./users-sign-in-password";

describe.each<TestDbKind>(["pglite", "postgres"])("sign-in throttling on %s", (kind) => {
  let testDb: TestDb;
  const saved = { ...process.env };
  const PASSWORD = "the-right-password-01";

  beforeAll(async () => {
    testDb = await createTestDb({ kind });
    process.env.LEASTWISE_ADMIN_USER = "root";
    process.env.LEASTWISE_ADMIN_PASSWORD = "root-password-0001";
    resetEnvCache();
    for (const u of ["ann", "ben", "cid"]) await createConsoleUser({ username: u, role: "viewer", password: PASSWORD, db: testDb.prisma });
  }, 180_000);

  afterAll(async () => {
    await testDb?.close();
    process.env = saved;
    resetEnvCache();
  });

  const attempt = (username: string, password: string, address: string, now?: Date) =>
    signInWithPassword({ username, password, address, db: testDb.prisma, now }).then(
      (u) => (u ? "ok" : "wrong"),
      (e: Error) => e.message,
    );

  it("5 wrong passwords for a user, then even the right one is refused with when to retry; later it works", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("ann", "wrong-password", `10.0.0.${i}`)).toBe("wrong");
    expect(await attempt("ann", PASSWORD, "10.0.1.1")).toBe("Too many failed sign-ins for this user name. Try again in 15 minutes.");
    expect(await attempt("ANN ", PASSWORD, "10.0.1.1")).toMatch(/^Too many failed sign-ins for this user name/);
    // Another user is not affected.
    expect(await attempt("ben", PASSWORD, "10.0.1.1")).toBe("ok");
    expect(await attempt("ann", PASSWORD, "10.0.1.1", new Date(Date.now() + 16 * 60_000))).toBe("ok");
  });

  it("20 failures from one address lock that address out for every user name", async () => {
    for (let i = 0; i < 20; i++) expect(await attempt(`nobody-${i}`, "wrong-password", "192.0.2.7")).toBe("wrong");
    expect(await attempt("cid", PASSWORD, "192.0.2.7")).toBe("Too many failed sign-ins for your address. Try again in 15 minutes.");
    expect(await attempt("cid", PASSWORD, "192.0.2.8")).toBe("ok");
  });

  it("a successful sign-in clears the user's count", async () => {
    for (let i = 0; i < 4; i++) await attempt("ben", "wrong-password", "10.9.0.1");
    expect(await attempt("ben", PASSWORD, "10.9.0.1")).toBe("ok");
    expect(await attempt("ben", "wrong-password", "10.9.0.1")).toBe("wrong");
    expect(await attempt("ben", PASSWORD, "10.9.0.1")).toBe("ok");
  });

  it("refuses passwords over bcrypt's 72 bytes, at sign-in and at creation", async () => {
    const long = "a".repeat(73);
    expect(await attempt("ben", long, "10.8.0.1")).toMatch(/^Passwords can be at most 72 bytes long/);
    // bcrypt would have accepted any password sharing the first 72 bytes: creation refuses instead.
    await expect(createConsoleUser({ username: "longpw", role: "viewer", password: long, db: testDb.prisma })).rejects.toThrow(
      /at most 72 bytes/,
    );
    await expect(createConsoleUser({ username: "longpw2", role: "viewer", password: "é".repeat(37), db: testDb.prisma })).rejects.toThrow(
      /at most 72 bytes/,
    );
    await createConsoleUser({ username: "exact72", role: "viewer", password: "b".repeat(72), db: testDb.prisma });
    expect(await attempt("exact72", "b".repeat(72), "10.8.0.2")).toBe("ok");
  });
});
