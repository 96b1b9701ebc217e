// Issue 11 "Also": served over https (NEXTAUTH_URL https://...), the session cookie is Secure and
// __Secure- prefixed; over plain http it cannot be (browsers drop Secure cookies there).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { getAuthOptions } from "./next-auth-options";

const saved = { ...process.env };
const dataDir = mkdtempSync(join(tmpdir(), "lw-sec-cookie-"));
afterAll(() => {
  process.env = saved;
  resetEnvCache();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the session cookie over https", () => {
  it.each([
    ["https://leastwise.example.com", true],
    ["http://127.0.0.1:3000", false],
  ])("NEXTAUTH_URL=%s: Secure %s", async (url, secure) => {
    Object.assign(process.env, { NEXTAUTH_URL: url, NEXTAUTH_SECRET: "test-secret-0123456789abcdef", LEASTWISE_DATA_DIR: dataDir });
    resetEnvCache();
    const options = getAuthOptions();
    // next-auth then names the cookie __Secure-next-auth.session-token and sets Secure on it
    // (proxy.ts knows both names); the browser test checks the plain-http case end to end.
    expect(options.useSecureCookies).toBe(secure);
  });
});
