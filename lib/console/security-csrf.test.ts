// Issue 11 item 5: the console's state-changing route handlers accept only same-origin JSON
// (the browser sweep in e2e/security.spec.ts calls every such route; this is the rule itself).
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { assertSameOriginJson } from "./assert-same-origin-json";

const URL_ = "http://127.0.0.1:3000/api/console/drafts";
const json = { "content-type": "application/json", host: "127.0.0.1:3000" };

function outcome(headers: Record<string, string>): string {
  try {
    assertSameOriginJson(new Request(URL_, { method: "POST", headers, body: "{}" }));
    return "ok";
  } catch (e) {
    return isAppError(e) ? String(e.status) : "crash";
  }
}

describe("assertSameOriginJson", () => {
  it.each<[string, Record<string, string>, string]>([
    ["same origin, JSON", { ...json, origin: "http://127.0.0.1:3000" }, "ok"],
    ["JSON with a charset", { ...json, "content-type": "application/json; charset=utf-8", origin: "http://127.0.0.1:3000" }, "ok"],
    ["same origin, Sec-Fetch-Site same-origin", { ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }, "ok"],
    [
      "behind a proxy (x-forwarded-host)",
      { ...json, host: "127.0.0.1:3000", "x-forwarded-host": "leastwise.example.com", origin: "https://leastwise.example.com" },
      "ok",
    ],
    ["another port of the same host", { ...json, origin: "http://127.0.0.1:3001" }, "403"],
    ["another site", { ...json, origin: "https://evil.example" }, "403"],
    ["no Origin", { ...json }, "403"],
    ['Origin "null" (sandboxed frame, file:)', { ...json, origin: "null" }, "403"],
    ["an unparsable Origin", { ...json, origin: "::::" }, "403"],
    ["Sec-Fetch-Site same-site", { ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" }, "403"],
    ["Sec-Fetch-Site cross-site", { ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "cross-site" }, "403"],
    ["text/plain (a simple cross-site request)", { ...json, "content-type": "text/plain", origin: "http://127.0.0.1:3000" }, "415"],
    ["a form post", { ...json, "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:3000" }, "415"],
    ["no content type", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, "415"],
  ])("%s -> %s", (_what, headers, expected) => {
    expect(outcome(headers)).toBe(expected);
  });
});
