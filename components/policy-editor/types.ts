export interface EditorMarker {
  severity: "error" | "warning";
  message: string;
  code: string;
  /** character offsets in the text; the marker covers [start, end) */
  start: number;
  end: number;
}

/** What the editor lets its parent do programmatically (edits go through Monaco so undo works). */
export interface PolicyEditorHandle {
  setText(text: string): void;
  replaceRange(start: number, end: number, text: string): void;
  reveal(offset: number): void;
}
