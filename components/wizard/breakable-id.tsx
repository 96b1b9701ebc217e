import { Fragment } from "react";

const nowrap = { whiteSpace: "nowrap" } as const;

/**
 * An identifier (ARN, path, action name) that may wrap only after ":", "/" and "_" - never at a hyphen
 * or mid-word, and never one character per line in a narrow column.
 */
export function BreakableId({ text }: { text: string }) {
  const parts = text.split(/(?<=[:/_])/);
  return (
    <span>
      {parts.map((p, i) => (
        <Fragment key={i}>
          <span style={nowrap}>{p}</span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}

/** A short identifier or value that never wraps (a name, a region in parentheses). */
export function NoBreak({ children }: { children: React.ReactNode }) {
  return <span style={nowrap}>{children}</span>;
}

/** Running text (an error message) whose identifiers wrap like BreakableId. */
export function BreakableText({ text }: { text: string }) {
  return (
    <>{text.split(/(\s+)/).map((t, i) => (/[-:/_.@]/.test(t) ? <BreakableId key={i} text={t} /> : <Fragment key={i}>{t}</Fragment>))}</>
  );
}
