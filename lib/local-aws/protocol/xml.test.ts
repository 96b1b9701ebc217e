import { describe, expect, it } from "vitest";
import { escapeXml, formatTimestamp, queryErrorXml, queryResponseXml, toXml } from "./xml";

describe("toXml", () => {
  it.each([
    ["string", "a<b & 'c'", "<X>a&lt;b &amp; &apos;c&apos;</X>"],
    ["number", 42, "<X>42</X>"],
    ["boolean", false, "<X>false</X>"],
    ["date", new Date("2024-02-13T00:30:00.123Z"), "<X>2024-02-13T00:30:00Z</X>"],
    ["list", ["a", "b"], "<X><member>a</member><member>b</member></X>"],
    ["empty list", [], "<X></X>"],
    ["struct with undefined member", { A: 1, B: undefined, C: null }, "<X><A>1</A></X>"],
    ["list of structs", [{ Key: "k", Value: "" }], "<X><member><Key>k</Key><Value></Value></member></X>"],
    ["undefined", undefined, ""],
  ])("%s", (_, value, xml) => {
    expect(toXml("X", value as never)).toBe(xml);
  });

  it("escapes every XML special character", () => {
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
    expect(formatTimestamp(new Date(0))).toBe("1970-01-01T00:00:00Z");
  });
});

describe("query envelopes", () => {
  it("wraps a result as IAM does", () => {
    const xml = queryResponseXml("GetRole", { Role: { RoleName: "r" } }, "req-1");
    expect(xml).toContain(
      '<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><RoleName>r</RoleName></Role></GetRoleResult>',
    );
    expect(xml).toContain("<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetRoleResponse>");
  });

  it("has no result element for actions without output", () => {
    expect(queryResponseXml("AttachRolePolicy", null, "x")).not.toContain("AttachRolePolicyResult");
  });

  it("writes the ErrorResponse shape", () => {
    const xml = queryErrorXml({ type: "Sender", code: "NoSuchEntity", message: "The role with name <x> cannot be found." }, "req-2");
    expect(xml).toContain("<ErrorResponse");
    expect(xml).toContain(
      "<Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name &lt;x&gt; cannot be found.</Message></Error><RequestId>req-2</RequestId></ErrorResponse>",
    );
  });
});
