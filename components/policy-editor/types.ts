export interface EditorMarker {
  severity: "error" | "warning";
  message: string;
  code: string;
  /** character offsets in the text; the marker covers [start, end) */
  start: number;
  end: number;
}

/**
 * What the editor lets its parent do programmatically (edits go through Monaco so undo works).
 * setText returns false when Monaco is not mounted yet (it loads lazily): the caller then keeps the
 * text itself, and the editor starts from it when it mounts.
 */
export interface PolicyEditorHandle {
  setText(text: string): boolean;
}
