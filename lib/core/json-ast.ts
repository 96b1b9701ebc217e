/**
 * A small JSON parser that keeps source offsets, so findings can point at the exact text (the
 * policy editor's markers) and syntax errors can say where. Strict JSON (RFC 8259), like IAM.
 */

export type JsonNode =
  | { type: "object"; start: number; end: number; properties: JsonProperty[] }
  | { type: "array"; start: number; end: number; items: JsonNode[] }
  | { type: "string"; start: number; end: number; value: string }
  | { type: "number"; start: number; end: number; value: number }
  | { type: "boolean"; start: number; end: number; value: boolean }
  | { type: "null"; start: number; end: number; value: null };

export interface JsonProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * The deepest nesting of objects and arrays accepted. An IAM policy needs 6 levels; the bound keeps
 * the recursive parser (and every walker of its tree) far from the stack's limit on hostile input.
 */
export const MAX_JSON_DEPTH = 64;

export function parseJsonAst(text: string): JsonNode {
  let i = 0;
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `"${text[at]}"`);
  const fail = (expected: string, at = i): never => {
    throw new JsonSyntaxError(`Expected ${expected} but found ${describe(at)}`, at);
  };
  const parseString = (): { value: string; start: number; end: number } => {
    const start = i;
    if (text[i] !== '"') fail("a string");
    i++;
    let out = "";
    while (true) {
      if (i >= text.length) throw new JsonSyntaxError("Unterminated string", start);
      const c = text[i];
      if (c === '"') {
        i++;
        return { value: out, start, end: i };
      }
      if (c === "\\") {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new JsonSyntaxError("Invalid escape sequence in a string", i);
      } else if (c.charCodeAt(0) < 0x20) {
        throw new JsonSyntaxError("Control character in a string (escape it)", i);
      } else {
        out += c;
        i++;
      }
    }
  };
  const parseValue = (depth: number): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`The document nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`, i);
    }
    if (c === "{") {
      i++;
      const properties: JsonProperty[] = [];
      ws();
      if (text[i] === "}") return { type: "object", start, end: ++i, properties };
      while (true) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        const key = parseString();
        ws();
        if (text[i] !== ":") fail('":"');
        i++;
        const value = parseValue(depth + 1);
        properties.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return { type: "object", start, end: ++i, properties };
        fail('"," or "}"');
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === "]") return { type: "array", start, end: ++i, items };
      while (true) {
        items.push(parseValue(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return { type: "array", start, end: ++i, items };
        fail('"," or "]"');
      }
    }
    if (c === '"') {
      const s = parseString();
      return { type: "string", start: s.start, end: s.end, value: s.value };
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0].length > 0 && (c === "-" || (c >= "0" && c <= "9"))) {
      i += number[0].length;
      return { type: "number", start, end: i, value: Number(number[0]) };
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value === null ? { type: "null", start, end: i, value } : { type: "boolean", start, end: i, value };
      }
    }
    return fail("a value");
  };
  const root = parseValue(0);
  ws();
  if (i < text.length) fail("the end of the text");
  return root;
}

/** The node at a JSON path, or undefined. Property lookup takes the last duplicate, like JSON.parse. */
export function nodeAtPath(root: JsonNode, path: readonly (string | number)[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (node.type === "object" && typeof step === "string") {
      node = [...node.properties].reverse().find((p) => p.key === step)?.value;
    } else if (node.type === "array" && typeof step === "number") {
      node = node.items[step];
    } else return undefined;
  }
  return node;
}

/** Plain JS value of a node (what JSON.parse would give). */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) out[p.key] = toValue(p.value);
      return out;
    }
    case "array":
      return node.items.map(toValue);
    default:
      return node.value;
  }
}
