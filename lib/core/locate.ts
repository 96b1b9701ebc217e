import { JsonSyntaxError, nodeAtPath, parseJsonAst, type JsonNode } from "./json-ast";

export interface TextRange {
  startOffset: number;
  endOffset: number;
}

/**
 * The text range of the value at a JSON path (e.g. ["Statement", 1, "Action", 0]), for editor
 * markers. When the path does not exist, the range of its deepest existing ancestor; when the text
 * is not JSON, the position of the syntax error (one character wide).
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): TextRange {
  return createJsonLocator(text)(path);
}

/** Parses once and locates many paths (one call per finding would re-parse the text each time). */
export function createJsonLocator(text: string): (path: readonly (string | number)[]) => TextRange {
  let root: JsonNode;
  try {
    root = parseJsonAst(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const at = Math.min(error.offset, text.length);
      const range = { startOffset: at, endOffset: Math.min(at + 1, text.length) };
      return () => ({ ...range });
    }
    throw error;
  }
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAtPath(root, path.slice(0, n));
      if (node) return { startOffset: node.start, endOffset: node.end };
    }
    return { startOffset: root.start, endOffset: root.end };
  };
}

/** 1-based line and column of an offset (Monaco's convention). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
