// Issue 11 (sessions, redirects, CSRF, headers, throttling, key scopes) against the real built
// server, and the automatic sweep: every page, route handler and server action found in app/ is
// called as an attacker would (no session, a forged or ended session, a viewer, a foreign Origin,
// the wrong body type). A new page, route or action without protection fails here by itself.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, generateFor, shot, signIn, wizardNext } from "./support/helpers";

test.describe.configure({ mode: "serial" });

const ROOT = process.cwd();
const APP = path.join(ROOT, "app");
const FOREIGN = "http://127.0.0.1:1";
/** Names unique to this run (the spec can run again against the same server). */
const RUN = Date.now().toString(36); // another port of the same host: same-site, not same-origin

// ---- What the sweep expects. Anything not listed gets the strictest expectation. ----
/** Pages anyone may open. */
const PUBLIC_PAGES = new Set(["/signin"]);
/** Pages only administrators may open (viewers go to /forbidden). */
const ADMIN_PAGES = new Set(["/api-keys", "/console-users"]);
/** Routes that are public by nature (next-auth's own sign-in, CSRF token and session endpoints). */
const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]"]);
/** Routes signed with SigV4 keys instead of a console session. */
const SIGV4_ROUTE = /^\/(policy|local-aws)\//;
/** State-changing console routes a viewer may use on purpose, with the reason. */
const VIEWER_MAY_POST: Record<string, string> = {
  "POST /api/console/drafts": "viewers edit the wizard's draft (same as saveDraftTextAction)",
  "POST /api/console/policy-analysis": "reads only; POST carries the policy text",
};
/** Server actions a viewer may call on purpose (viewers generate and review). */
const VIEWER_ACTIONS: Record<string, string> = {
  startGenerationAction: "viewers may generate (creating a service role inside it is admin-only)",
  cancelGenerationAction: "viewers may cancel a generation",
  buildPolicyAction: "viewers may review the generated policy",
  saveDraftTextAction: "viewers may edit the draft",
  comparePermissionsAction: "viewers may see what an entity is granted and uses (read-only, like the entity page)",
};
const SAMPLE_PARAMS: Record<string, string> = {
  name: "app-backend",
  jobId: "00000000-0000-4000-8000-000000000000",
  service: "s3",
  nextauth: "session",
};

// ---- Walking app/ ----
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const files = walk(APP).map((f) => path.relative(APP, f).split(path.sep).join("/"));
/** app/(console)/roles/[name]/page.tsx -> "/roles/[name]" */
const routeOf = (file: string) =>
  "/" +
  file
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");
const urlOf = (route: string) => route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, p: string) => SAMPLE_PARAMS[p] ?? "x");
const pages = files.filter((f) => /(^|\/)page\.tsx$/.test(f)).map(routeOf);
const routes = files
  .filter((f) => /(^|\/)route\.ts$/.test(f))
  .map((f) => {
    const src = readFileSync(path.join(APP, f), "utf8");
    const methods = [
      ...src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1] ?? m[2]);
    return { route: routeOf(f), methods: [...new Set(methods)] };
  });
const actions = files
  .filter((f) => /(^|\/)actions\.ts$/.test(f))
  .flatMap((f) => {
    const src = readFileSync(path.join(APP, f), "utf8");
    return [...src.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => ({ file: `app/${f}`, name: m[1] }));
  });

interface ActionRef {
  id: string;
  /** a page whose server bundle holds the action: Next runs an action only on such a page */
  page: string;
}

/** Server action ids from the build's manifest (the build this server runs). */
function actionIds(): Map<string, ActionRef> {
  const dist = process.env.LEASTWISE_E2E_DIST_DIR ?? ".next-e2e";
  const manifest = JSON.parse(readFileSync(path.resolve(ROOT, dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  const out = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
    if (entry.exportedName && entry.filename && worker)
      out.set(`${entry.filename}#${entry.exportedName}`, { id, page: urlOf(routeOf(`${worker.replace(/^app\//, "")}.tsx`)) });
  }
  return out;
}

// ---- Sessions over plain HTTP (next-auth's real endpoints) ----
async function newContext(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
}
async function apiSignIn(ctx: APIRequestContext, user: { username: string; password: string }, callbackUrl = "/roles") {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: user.username, password: user.password, callbackUrl, json: "true" },
  });
}
async function apiSignOut(ctx: APIRequestContext) {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return ctx.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
}
async function sessionCookie(ctx: APIRequestContext): Promise<string> {
  const c = (await ctx.storageState()).cookies.find((k) => k.name.endsWith("next-auth.session-token"));
  if (!c) throw new Error("no session cookie");
  return `${c.name}=${c.value}`;
}
async function whoAmI(ctx: APIRequestContext, cookie?: string) {
  const res = await ctx.get("/api/auth/session", cookie ? { headers: { cookie } } : {});
  return (await res.json()) as { user?: { name: string; role: string } };
}
async function callAction(
  ctx: APIRequestContext,
  baseURL: string,
  action: ActionRef,
  args: unknown[],
  options: { origin?: string; cookie?: string } = {},
) {
  const res = await ctx.post(action.page, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: options.origin ?? baseURL,
      ...(options.cookie !== undefined ? { cookie: options.cookie } : {}),
    },
    data: JSON.stringify(args),
  });
  return { status: res.status(), text: await res.text(), location: res.headers().location as string | undefined };
}

let baseURL = "";
let admin: APIRequestContext;
let viewer: APIRequestContext;
let anon: APIRequestContext;
let ids: Map<string, ActionRef>;
const viewerUser = { username: `sec-viewer-${RUN}`, password: "" };

test.beforeAll(async ({ baseURL: b }) => {
  baseURL = b!;
  ids = actionIds();
  admin = await newContext(baseURL);
  anon = await newContext(baseURL);
  viewer = await newContext(baseURL);
  expect((await apiSignIn(admin, ADMIN)).status()).toBe(200);
  expect((await whoAmI(admin)).user).toEqual({ name: ADMIN.username, role: "admin" });
  const created = await callAction(admin, baseURL, ids.get("app/(console)/_actions/console-users/actions.ts#createConsoleUserAction")!, [
    { username: viewerUser.username, role: "viewer", password: "" },
  ]);
  viewerUser.password = /"password":"([^"]+)"/.exec(created.text)?.[1] ?? "";
  expect(viewerUser.password, created.text).not.toBe("");
  await apiSignIn(viewer, viewerUser);
  expect((await whoAmI(viewer)).user?.role).toBe("viewer");
});
test.afterAll(async () => {
  for (const c of [admin, viewer, anon]) await c?.dispose();
});

/** A cookie of a session that has ended (signed out): it must count for nothing anywhere. */
async function endedSessionCookie(): Promise<string> {
  const ctx = await newContext(baseURL);
  await apiSignIn(ctx, ADMIN);
  const cookie = await sessionCookie(ctx);
  await apiSignOut(ctx);
  await ctx.dispose();
  return cookie;
}

test.describe("sweep of app/", () => {
  test("found what it sweeps", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(routes.length).toBeGreaterThan(8);
    expect(actions.length).toBeGreaterThan(8);
    for (const a of actions) expect(ids.get(`${a.file}#${a.name}`), `no id for ${a.file}#${a.name} in the build`).toBeTruthy();
  });

  test("every page refuses the unauthenticated, a forged and an ended session; admin pages refuse the viewer", async () => {
    const ended = await endedSessionCookie();
    const visit = async (url: string, cookie?: string) => {
      // Redirects followed by hand: the final path is what a browser would show.
      let res = await anon.get(url, { headers: cookie ? { cookie } : {} });
      let at = url;
      for (let i = 0; i < 5 && [301, 302, 303, 307, 308].includes(res.status()); i++) {
        at = new URL(res.headers().location, baseURL + at).pathname;
        res = await anon.get(at, { headers: cookie ? { cookie } : {} });
      }
      return { at, status: res.status() };
    };
    const viewerCookie = await sessionCookie(viewer);
    const problems: string[] = [];
    for (const route of pages) {
      const url = urlOf(route);
      const expectAt = (what: string, got: { at: string; status: number }, want: string) => {
        if (got.at !== want) problems.push(`${route} ${what}: ended at ${got.at} (${got.status}), expected ${want}`);
      };
      if (PUBLIC_PAGES.has(route)) continue;
      expectAt("without a cookie", await visit(url), "/signin");
      expectAt("with a forged cookie", await visit(url, "next-auth.session-token=forged"), "/signin");
      expectAt("with an ended session", await visit(url, ended), "/signin");
      if (ADMIN_PAGES.has(route)) expectAt("as a viewer", await visit(url, viewerCookie), "/forbidden");
    }
    expect(problems).toEqual([]);
  });

  test("every route handler refuses the unauthenticated; state-changing ones a foreign Origin, non-JSON and the viewer", async () => {
    const ended = await endedSessionCookie();
    const adminCookie = await sessionCookie(admin);
    const viewerCookie = await sessionCookie(viewer);
    const problems: string[] = [];
    const send = async (method: string, url: string, headers: Record<string, string>, data?: string) => {
      const res = await anon.fetch(url, { method, headers, data });
      return res.status();
    };
    for (const { route, methods } of routes) {
      if (PUBLIC_ROUTES.has(route)) continue;
      const url = urlOf(route);
      if (!methods.length) problems.push(`${route}: no exported method found`);
      for (const method of methods) {
        const label = `${method} ${route}`;
        const body = method === "GET" ? undefined : JSON.stringify({ jobId: SAMPLE_PARAMS.jobId, text: "{}", documentText: null });
        const json = { "content-type": "application/json", origin: baseURL };
        if (SIGV4_ROUTE.test(route)) {
          // Signed requests only: no signature, or a console cookie instead, is refused.
          for (const [what, headers] of [
            ["unsigned", json],
            ["with an admin cookie", { ...json, cookie: adminCookie }],
          ] as const) {
            const s = await send(method, url, headers, body);
            if (s !== 403) problems.push(`${label} ${what}: ${s}, expected 403`);
          }
          continue;
        }
        for (const [what, cookie] of [
          ["without a cookie", undefined],
          ["with a forged cookie", "next-auth.session-token=forged"],
          ["with an ended session", ended],
        ] as const) {
          const s = await send(method, url, { ...json, ...(cookie ? { cookie } : {}) }, body);
          if (s !== 401) problems.push(`${label} ${what}: ${s}, expected 401`);
        }
        if (method === "GET") continue;
        const foreign = await send(method, url, { ...json, origin: FOREIGN, cookie: adminCookie }, body);
        if (foreign !== 403) problems.push(`${label} from a foreign Origin: ${foreign}, expected 403`);
        const noOrigin = await send(method, url, { "content-type": "application/json", cookie: adminCookie }, body);
        if (noOrigin !== 403) problems.push(`${label} without an Origin: ${noOrigin}, expected 403`);
        const text = await send(method, url, { "content-type": "text/plain", origin: baseURL, cookie: adminCookie }, body);
        if (text !== 415) problems.push(`${label} as text/plain: ${text}, expected 415`);
        const asViewer = await send(method, url, { ...json, cookie: viewerCookie }, body);
        if (!VIEWER_MAY_POST[label] && asViewer !== 403)
          problems.push(`${label} as a viewer: ${asViewer}, expected 403 (or list it in VIEWER_MAY_POST with the reason)`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("every server action refuses the unauthenticated and a foreign Origin; admin actions refuse the viewer", async () => {
    const ended = await endedSessionCookie();
    const adminCookie = await sessionCookie(admin);
    const viewerCookie = await sessionCookie(viewer);
    const problems: string[] = [];
    for (const a of actions) {
      const id = ids.get(`${a.file}#${a.name}`)!;
      const label = `${a.name} (${a.file})`;
      // Without any cookie proxy.ts already sends the POST to /signin; the forged and the ended
      // cookie get past it, so the action's own check is what answers.
      const bare = await callAction(anon, baseURL, id, [{}], { cookie: "" });
      if (
        !(bare.status === 307 && /^\/signin/.test(new URL(bare.location ?? "", baseURL).pathname)) &&
        !bare.text.includes('"code":"UNAUTHENTICATED"')
      ) {
        problems.push(`${label} without a cookie: ${bare.status} ${bare.text.slice(0, 200)}`);
      }
      for (const [what, cookie] of [
        ["with a forged cookie", "next-auth.session-token=forged"],
        ["with an ended session", ended],
      ] as const) {
        const r = await callAction(anon, baseURL, id, [{}], { cookie });
        if (!r.text.includes('"code":"UNAUTHENTICATED"')) problems.push(`${label} ${what}: ${r.status} ${r.text.slice(0, 200)}`);
      }
      // The action never runs for another origin, even with an administrator's cookie.
      const foreign = await callAction(anon, baseURL, id, [{}], { cookie: adminCookie, origin: FOREIGN });
      if (foreign.status < 400 || foreign.text.includes('"ok":'))
        problems.push(`${label} from a foreign Origin ran: ${foreign.status} ${foreign.text.slice(0, 200)}`);
      // Control: with the right Origin the same call reaches the action (it answers ok or an error).
      const control = await callAction(anon, baseURL, id, [{}], { cookie: adminCookie });
      if (!control.text.includes('"ok":'))
        problems.push(`${label} did not answer as admin: ${control.status} ${control.text.slice(0, 200)}`);
      if (!VIEWER_ACTIONS[a.name]) {
        const v = await callAction(anon, baseURL, id, [{}], { cookie: viewerCookie });
        if (!v.text.includes('"code":"FORBIDDEN"'))
          problems.push(`${label} as a viewer: ${v.text.slice(0, 200)} (or list it in VIEWER_ACTIONS with the reason)`);
      }
    }
    expect(problems).toEqual([]);
  });
});

test.describe("sessions end at once (item 1)", () => {
  const createUser = async (username: string, role: "admin" | "viewer") => {
    const r = await callAction(admin, baseURL, ids.get("app/(console)/_actions/console-users/actions.ts#createConsoleUserAction")!, [
      { username, role, password: "" },
    ]);
    const password = /"password":"([^"]+)"/.exec(r.text)?.[1];
    const id = /"id":"([0-9a-f-]{36})"/.exec(r.text)?.[1];
    expect(password && id, r.text).toBeTruthy();
    return { username, password: password!, id: id! };
  };

  test("a signed-out cookie, replayed, is refused everywhere", async () => {
    const ctx = await newContext(baseURL);
    await apiSignIn(ctx, ADMIN);
    const cookie = await sessionCookie(ctx);
    expect((await whoAmI(ctx)).user?.name).toBe(ADMIN.username);
    await apiSignOut(ctx);
    expect((await whoAmI(anon, cookie)).user).toBeUndefined();
    expect((await anon.get("/api/console/catalog", { headers: { cookie } })).status()).toBe(401);
    await ctx.dispose();
  });

  test("a demoted administrator loses the session at once and cannot create keys or users", async () => {
    const u = await createUser(`sec-demoted-${RUN}`, "admin");
    const ctx = await newContext(baseURL);
    await apiSignIn(ctx, u);
    const cookie = await sessionCookie(ctx);
    expect((await whoAmI(ctx)).user?.role).toBe("admin");
    const demote = await callAction(admin, baseURL, ids.get("app/(console)/_actions/console-users/actions.ts#setConsoleUserRoleAction")!, [
      { id: u.id, role: "viewer" },
    ]);
    expect(demote.text).toContain('"ok":true');
    expect((await whoAmI(anon, cookie)).user).toBeUndefined();
    const key = await callAction(
      anon,
      baseURL,
      ids.get("app/(console)/_actions/api-keys/actions.ts#createApiKeyAction")!,
      [{ name: "x", scopes: ["generations:read"] }],
      { cookie },
    );
    expect(key.text).toContain('"code":"UNAUTHENTICATED"');
    const user = await callAction(
      anon,
      baseURL,
      ids.get("app/(console)/_actions/console-users/actions.ts#createConsoleUserAction")!,
      [{ username: "sneaky", role: "admin", password: "" }],
      { cookie },
    );
    expect(user.text).toContain('"code":"UNAUTHENTICATED"');
    // Signing in again gives the new role.
    const again = await newContext(baseURL);
    await apiSignIn(again, u);
    expect((await whoAmI(again)).user?.role).toBe("viewer");
    await ctx.dispose();
    await again.dispose();
  });

  test("a deleted user's cookie stops working", async () => {
    const u = await createUser(`sec-deleted-${RUN}`, "viewer");
    const ctx = await newContext(baseURL);
    await apiSignIn(ctx, u);
    const cookie = await sessionCookie(ctx);
    expect((await anon.get("/api/console/catalog", { headers: { cookie } })).status()).toBe(200);
    const del = await callAction(admin, baseURL, ids.get("app/(console)/_actions/console-users/actions.ts#deleteConsoleUserAction")!, [
      { id: u.id },
    ]);
    expect(del.text).toContain('"ok":true');
    expect((await anon.get("/api/console/catalog", { headers: { cookie } })).status()).toBe(401);
    expect((await whoAmI(anon, cookie)).user).toBeUndefined();
    await ctx.dispose();
  });
});

test.describe("redirects after sign-in stay on this site (item 2)", () => {
  for (const callbackUrl of [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
    "%2Froles%0D%0ASet-Cookie%3A%20x%3Dy",
  ]) {
    test(`signed in, /signin?callbackUrl=${callbackUrl} redirects on this origin`, async () => {
      const res = await admin.get(`/signin?callbackUrl=${callbackUrl}`);
      expect(res.status(), await res.text().catch(() => "")).toBeGreaterThanOrEqual(300);
      expect(res.status()).toBeLessThan(400);
      const location = res.headers().location;
      expect(new URL(location, baseURL).origin).toBe(new URL(baseURL).origin);
      expect(location).not.toMatch(/[\r\n\t]/);
      expect(res.headers()["set-cookie"] ?? "").not.toContain("x=y");
      if (/%0[9AD]/i.test(callbackUrl)) expect(new URL(location, baseURL).pathname).toBe("/roles"); // the start page
    });
  }

  test("next-auth's own callbackUrl is held to this origin", async () => {
    const ctx = await newContext(baseURL);
    const res = await apiSignIn(ctx, ADMIN, "https://evil.example/roles");
    const { url } = (await res.json()) as { url: string };
    expect(new URL(url).origin).toBe(new URL(baseURL).origin);
    await ctx.dispose();
  });

  test("in Chromium, signing in from /signin?callbackUrl=%2F%09%2Fevil.example lands on this site", async ({ page }) => {
    await page.goto("/signin?callbackUrl=%2F%09%2Fevil.example");
    await page.getByLabel("User name").fill(ADMIN.username);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname !== "/signin");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
  });
});

test.describe("headers and Content-Security-Policy (item 8)", () => {
  test("pages send a nonce CSP with frame-ancestors 'none', nosniff and a Referrer-Policy; other responses too", async () => {
    const page = await admin.get("/roles");
    const h = page.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    for (const url of ["/api/console/catalog", "/signin", "/policy/generation"]) {
      const r = await admin.get(url);
      expect(r.headers()["x-content-type-options"], url).toBe("nosniff");
      expect(r.headers()["content-security-policy"], url).toContain("frame-ancestors 'none'");
    }
  });

  test("in Chromium no page breaks the policy, the Monaco editor step included", async ({ page }, testInfo) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|create|connect|frame)/i.test(m.text()))
        violations.push(`${page.url()}: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in to Leastwise" })).toBeVisible();
    await signIn(page, ADMIN);
    for (const route of pages.filter((p) => !PUBLIC_PAGES.has(p))) {
      await page.goto(urlOf(route));
      await page.waitForLoadState("networkidle");
    }
    // The wizard's Monaco step: its workers, fonts and styles.
    await generateFor(page, "/roles/data-pipeline");
    await page.goto("/roles/data-pipeline/generated-policy");
    await expect(page.getByTestId("actions-table")).toBeVisible();
    await wizardNext(page, "Customize permissions");
    await expect(page.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible();
    await page.getByTestId("policy-editor").locator(".view-lines").click();
    await page.keyboard.type(" ");
    await expect(page.getByTestId("policy-size")).toContainText("characters");
    await page.waitForLoadState("networkidle");
    await shot(page, testInfo, "01-editor-under-csp");
    expect(violations).toEqual([]);
    // Control: the detector sees a violation when there is one. An inline event handler (what an
    // HTML injection would use) is refused and reported.
    await page.evaluate(() => {
      const b = document.createElement("button");
      b.id = "csp-probe";
      b.setAttribute("onclick", "window.__injected = 1");
      b.textContent = "probe";
      document.body.append(b);
    });
    await page.locator("#csp-probe").click();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });

  test("the API keys page cannot be framed, even by a same-site page", async ({ page }) => {
    await signIn(page, ADMIN);
    // A real page on another port of the same host (same-site: the session cookie goes along).
    const framer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<iframe name="victim" src="${baseURL}/api-keys" width="800" height="500"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
      const victim = page.frame({ name: "victim" })!;
      await expect.poll(() => victim.url(), { timeout: 20_000 }).toMatch(/^chrome-error:|api-keys/);
      await page.waitForTimeout(2_000);
      // Chromium replaces a refused frame by its error page: nothing of the API keys page is in it.
      expect(victim.url()).toMatch(/^chrome-error:/);
      expect(
        await victim
          .locator("body")
          .innerText()
          .catch(() => ""),
      ).not.toContain("API keys");
    } finally {
      framer.close();
    }
  });
});

test.describe("sign-in throttling and password length on the form (item 9)", () => {
  test("5 wrong passwords lock the user name; the right one is then refused with a clear message", async ({ page }, testInfo) => {
    const r = await callAction(admin, baseURL, ids.get("app/(console)/_actions/console-users/actions.ts#createConsoleUserAction")!, [
      { username: `sec-throttled-${RUN}`, role: "viewer", password: "" },
    ]);
    const password = /"password":"([^"]+)"/.exec(r.text)![1];
    await page.goto("/signin");
    await page.getByLabel("User name").fill(`sec-throttled-${RUN}`);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("The user name or password is not correct.")).toBeVisible();
    }
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Too many failed sign-ins for this user name\. Try again in \d+ minutes?\./)).toBeVisible();
    await shot(page, testInfo, "02-throttled-1400");
    await page.setViewportSize({ width: 1024, height: 800 });
    await shot(page, testInfo, "03-throttled-1024");
    await page.getByLabel("Password").fill("x".repeat(73));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Passwords can be at most 72 bytes long/)).toBeVisible();
    await shot(page, testInfo, "04-password-too-long-1024");
  });
});

test.describe("API key scopes in the console and the CLI (item 12)", () => {
  test("a key is created with the scopes chosen, shown on the page and by keys list", async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto("/api-keys");
    await page.getByTestId("create-api-key").click();
    await page.getByLabel("API key name").fill(`sec-scoped-${RUN}`);
    await page.getByTestId("scope-generations:write").click();
    await page.getByTestId("create-api-key-submit").click();
    await page.getByTestId("secret-done").click();
    const row = page.getByRole("row").filter({ hasText: `sec-scoped-${RUN}` });
    await expect(row).toContainText("generations:read");
    await expect(row).toContainText("generations:write");
    await expect(row).not.toContainText("local-account:admin");
    await shot(page, testInfo, "05-api-keys-scopes-1400");
    await page.setViewportSize({ width: 1024, height: 800 });
    await shot(page, testInfo, "06-api-keys-scopes-1024");
    if (!process.env.LEASTWISE_E2E_DATA_DIR) return;
    const out = execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "cli/leastwise.ts", "keys", "list"], {
      cwd: ROOT,
      env: { ...process.env, LEASTWISE_DATA_DIR: process.env.LEASTWISE_E2E_DATA_DIR },
      encoding: "utf8",
    });
    expect(out).toMatch(/SCOPES/);
    expect(out.split("\n").find((l) => l.includes(`sec-scoped-${RUN}`))).toContain("generations:read,generations:write");
  });
});
