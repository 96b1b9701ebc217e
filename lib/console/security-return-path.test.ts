// Issue 11 item 2: the sign-in page follows callbackUrl only to same-origin paths, after reading it
// the way a browser reads a Location header. Each input below is what searchParams hands over
// (already percent-decoded once); the expected value is what the page redirects to.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const OFFSITE = [
  "/\t/evil.example", // %2F%09%2Fevil.example: the reported open redirect
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "\x00//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/./\\evil.example",
  "/.//evil.example",
  "/x/..//evil.example",
  "https://evil.example//evil2.example",
  "javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];
// Read by a browser as a path on this site; the answer is that path.
const RELATIVE: [string, string][] = [
  ["http:evil.example", "/evil.example"], // scheme-relative to an http page: same origin
  ["//evil.example@leastwise.invalid/x", "/x"], // the parser's own base host: only the path is kept
];
// Absolute URLs: only their path is kept (next-auth hands back absolute URLs of this origin).
const ABSOLUTE = ["https:/\\evil.example", "https://evil.example@leastwise.invalid/", "HTTPS://evil.example"];

describe("safeReturnPath refuses everything a browser would take off-site", () => {
  it.each(OFFSITE)("%j -> the start page", (input) => {
    const out = safeReturnPath(input);
    expect(out).toBe("/roles");
  });

  it.each(ABSOLUTE)("%j -> its path only", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it.each(RELATIVE)("%j -> %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([...OFFSITE, ...ABSOLUTE, ...RELATIVE.map(([i]) => i)])(
    "%j: whatever comes out resolves to this origin in a URL parser",
    (input) => {
      expect(new URL(safeReturnPath(input), "http://leastwise.example").origin).toBe("http://leastwise.example");
    },
  );
});

describe("safeReturnPath keeps same-origin paths, normalised", () => {
  it.each([
    ["/users/alice", "/users/alice"],
    ["/roles?x=1#y", "/roles?x=1#y"],
    ["/roles\r\nSet-Cookie: a=b", "/roles"], // a CRLF: the start page, never a header
    ["/trails\r\n", "/roles"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // encoded slashes stay a path on this site
    ["/a/../trails", "/trails"],
    ["http://localhost:3000/trails", "/trails"],
    ["/signin?callbackUrl=/x", "/roles"],
    ["/SIGNIN", "/roles"],
    ["/api/auth/signout", "/roles"],
    ["x".repeat(3000), "/roles"],
  ])("%j -> %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
