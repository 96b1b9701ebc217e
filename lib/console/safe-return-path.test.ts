import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    [undefined, "/roles"],
    ["", "/roles"],
    ["/users/alice", "/users/alice"],
    ["/roles?x=1#y", "/roles?x=1#y"],
    ["//evil.example/path", "/roles"],
    ["/\\evil.example", "/roles"],
    ["https://evil.example/roles", "/roles"],
    ["http://localhost:3000/trails", "/trails"],
    ["javascript:alert(1)", "/roles"],
    ["/signin?callbackUrl=/x", "/roles"],
    ["/api/auth/signout", "/roles"],
  ])("%s -> %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
