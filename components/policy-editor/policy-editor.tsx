"use client";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { monaco } from "./monaco-local";
import { useColorMode } from "@/components/shell/providers";
import type { EditorMarker, PolicyEditorHandle } from "./types";

const PLACEHOLDER = /\$\{[A-Za-z0-9]+\}/g;
const OWNER = "leastwise";

type Ed = monaco.editor.IStandaloneCodeEditor;

/**
 * The one Monaco instance of the console. Uncontrolled (defaultValue + onChange): a controlled value
 * drops keystrokes; programmatic changes go through the handle.
 */
export default function PolicyEditor({
  defaultValue,
  onChange,
  markers,
  handleRef,
  height = 520,
  ariaLabel = "Policy document",
}: {
  defaultValue: string;
  onChange: (text: string) => void;
  markers: EditorMarker[];
  handleRef?: Ref<PolicyEditorHandle>;
  height?: number;
  ariaLabel?: string;
}) {
  const editorRef = useRef<Ed | null>(null);
  // The newest text the parent holds: an edit made before Monaco mounted (see PolicyEditorHandle)
  // changes it after the editor may already have been created from an older one.
  const latestValue = useRef(defaultValue);
  latestValue.current = defaultValue;
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const { mode } = useColorMode();

  useImperativeHandle(handleRef, () => ({
    setText(text) {
      const ed = editorRef.current;
      const model = ed?.getModel();
      if (!ed || !model) return false;
      ed.executeEdits(OWNER, [{ range: model.getFullModelRange(), text }]);
      ed.pushUndoStop();
      return true;
    },
  }));

  const highlightPlaceholders = () => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    const text = model.getValue();
    const ranges: monaco.editor.IModelDeltaDecoration[] = [];
    for (const m of text.matchAll(PLACEHOLDER)) {
      const a = model.getPositionAt(m.index ?? 0);
      const b = model.getPositionAt((m.index ?? 0) + m[0].length);
      ranges.push({
        range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
        options: { inlineClassName: "leastwise-placeholder", hoverMessage: { value: `Placeholder ${m[0]}: replace it with a value` } },
      });
    }
    if (decorations.current) decorations.current.set(ranges);
    else decorations.current = ed.createDecorationsCollection(ranges);
  };

  const onMount: OnMount = (ed) => {
    editorRef.current = ed as unknown as Ed;
    if (ed.getValue() !== latestValue.current) ed.setValue(latestValue.current);
    highlightPlaceholders();
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      markers.map((m) => {
        const a = model.getPositionAt(m.start);
        const b = model.getPositionAt(Math.max(m.end, m.start + 1));
        return {
          severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: m.message,
          code: m.code,
          startLineNumber: a.lineNumber,
          startColumn: a.column,
          endLineNumber: b.lineNumber,
          endColumn: b.column,
        };
      }),
    );
  }, [markers]);

  return (
    <div
      data-testid="policy-editor"
      style={{ border: "1px solid var(--color-border-input-default-ajx7bp, #8c8c94)", borderRadius: 8, overflow: "hidden" }}
    >
      <style>{`.leastwise-placeholder { background: rgba(255, 170, 0, 0.28); border-bottom: 2px dotted #d97700; }`}</style>
      <Editor
        height={height}
        language="json"
        theme={mode === "dark" ? "vs-dark" : "vs"}
        defaultValue={defaultValue}
        onMount={onMount}
        onChange={(v) => {
          highlightPlaceholders();
          onChange(v ?? "");
        }}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          ariaLabel,
          wordWrap: "on",
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
