import { describe, expect, it } from "vitest";
import { QueryParams } from "./query-params";

describe("QueryParams", () => {
  const body =
    "Action=CreateRole&Version=2010-05-08&RoleName=app&MaxItems=20&Bad=2x&Flag=true" +
    "&Tags.member.1.Key=team&Tags.member.1.Value=a%20b&Tags.member.2.Key=env&Tags.member.2.Value=" +
    "&TagKeys.member.1=x&TagKeys.member.2=y&TagKeys.member.4=gap&Empty=";
  const p = new QueryParams(body);

  it("reads scalars", () => {
    expect(p.action).toBe("CreateRole");
    expect(p.string("RoleName")).toBe("app");
    expect(p.string("Missing")).toBeUndefined();
    expect(p.string("Empty")).toBe("");
    expect(p.integer("MaxItems")).toBe(20);
    expect(p.integer("Bad")).toBeNaN();
    expect(p.boolean("Flag")).toBe(true);
  });

  it("reads flattened lists up to the first gap", () => {
    expect(p.stringList("TagKeys")).toEqual(["x", "y"]);
    expect(p.stringList("Nope")).toBeUndefined();
  });

  it("reads lists of structures", () => {
    const tags = p.structList("Tags", (prefix) => ({ Key: p.string(`${prefix}Key`), Value: p.string(`${prefix}Value`) }));
    expect(tags).toEqual([
      { Key: "team", Value: "a b" },
      { Key: "env", Value: "" },
    ]);
  });

  it("treats an empty list (Name=) as present and empty", () => {
    expect(new QueryParams("Tags=").structList("Tags", () => ({}))).toEqual([]);
  });
});
