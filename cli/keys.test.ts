// `leastwise keys` as a user runs it: a separate process on a fresh data directory.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "lw-keys-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["cli/leastwise.mjs", "keys", ...args],
      { cwd: ROOT, env: { ...process.env, LEASTWISE_DATA_DIR: dataDir, DATABASE_URL: "" } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("leastwise keys", () => {
  it("creates (secret shown once), lists, revokes, and refuses bad input", async () => {
    const created = await keys("create", "--name", "ci pipeline", "--scopes", "generations:read,generations:write");
    expect(created.code, created.stderr).toBe(0);
    const id = /AWS_ACCESS_KEY_ID=(LWAK[A-Z2-7]{16})/.exec(created.stdout)?.[1];
    const secret = /AWS_SECRET_ACCESS_KEY=(\S{40})/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    expect(secret).toBeDefined();

    const listed = await keys("list");
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain("ci pipeline");
    expect(listed.stdout).toContain("active");
    expect(listed.stdout).toContain("SCOPES");
    expect(listed.stdout.split("\n").find((l) => l.includes(id!))).toContain("generations:read,generations:write");
    expect(listed.stdout).not.toContain(secret!);

    const revoked = await keys("revoke", id!);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked/);
    expect((await keys("list", "--json")).stdout).toMatch(/"revokedAt":"\d{4}-/);

    const noName = await keys("create");
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
    // A key never gets powers by default: the scopes are chosen, and only known ones.
    const noScopes = await keys("create", "--name", "x");
    expect(noScopes.code).toBe(2);
    expect(noScopes.stderr).toMatch(/create needs --scopes/);
    const badScope = await keys("create", "--name", "x", "--scopes", "root");
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toMatch(/Unknown API key scope "root"/);
    const unknown = await keys("revoke", "LWAKNOSUCHKEY0000000");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No API key/);
    expect((await keys("frobnicate")).code).toBe(2);
  }, 180_000);
});
