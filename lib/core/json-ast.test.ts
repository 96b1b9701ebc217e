import { describe, expect, it } from "vitest";
import { JsonSyntaxError, nodeAtPath, parseJsonAst, toValue } from "./json-ast";
import { validatePolicyDocument } from "./validate-policy";

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

function randomValue(depth: number): unknown {
  const kind = depth > 3 ? Math.floor(rand() * 4) : Math.floor(rand() * 6);
  switch (kind) {
    case 0:
      return pick(["", "a", 'q"uote', "back\\slash", "tab\tnew\nline", "ü€😀", "\u0001", "${Region}", "/"]);
    case 1:
      return pick([0, -1, 3.25, 1e21, -0.5e-7, 123456789]);
    case 2:
      return pick([true, false]);
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [
          pick(["Version", "Statement", "k", `k${i}`, ""]),
          randomValue(depth + 1),
        ]),
      );
  }
}

describe("parseJsonAst agrees with JSON.parse", () => {
  it("on 500 random documents with random spacing", () => {
    for (let n = 0; n < 500; n++) {
      const value = randomValue(0);
      const text = JSON.stringify(value, null, pick([0, 1, 2, "\t"]));
      expect(toValue(parseJsonAst(text))).toEqual(JSON.parse(text));
    }
  });

  it("on 2,000 mangled texts: both accept or both refuse", () => {
    const base = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*", n: -1.5e3, b: true, z: null }],
    });
    for (let n = 0; n < 2000; n++) {
      const at = Math.floor(rand() * base.length);
      const text = pick([
        base.slice(0, at),
        base.slice(0, at) + base.slice(at + 1),
        base.slice(0, at) + pick(["{", "}", "[", "]", ",", ":", '"', "\\", "x", " ", "0", "-", "\u0000", "e"]) + base.slice(at),
      ]);
      let expected = true;
      try {
        JSON.parse(text);
      } catch {
        expected = false;
      }
      let actual = true;
      try {
        parseJsonAst(text);
      } catch (e) {
        expect(e).toBeInstanceOf(JsonSyntaxError);
        actual = false;
      }
      expect(actual, text).toBe(expected);
      expect(() => validatePolicyDocument(text, { kind: "identity" })).not.toThrow();
    }
  });

  it("keeps offsets and finds nodes by path", () => {
    const text = '{"a": [1, {"b": "x"}], "a": 2}';
    const root = parseJsonAst(text);
    const b = nodeAtPath(root, ["a"]);
    expect(b).toMatchObject({ type: "number", value: 2 }); // the last duplicate wins, like JSON.parse
    expect(nodeAtPath(root, ["a", 1, "b"])).toBeUndefined();
    expect(nodeAtPath(parseJsonAst('{"a": [1, {"b": "x"}]}'), ["a", 1, "b"])).toMatchObject({ start: 16, end: 19, value: "x" });
  });
});

describe("validatePolicyDocument never throws", () => {
  it("on random JSON values", () => {
    for (let n = 0; n < 500; n++) {
      const text = JSON.stringify(randomValue(0));
      const findings = validatePolicyDocument(text, { kind: "identity" });
      for (const f of findings) expect(Array.isArray(f.path)).toBe(true);
    }
  });
});
