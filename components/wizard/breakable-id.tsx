import { Fragment } from "react";

/**
 * An identifier (ARN, action name) that may wrap only after ":" and "/" - never mid-word, and
 * never one character per line in a narrow column.
 */
export function BreakableId({ text }: { text: string }) {
  const parts = text.split(/(?<=[:/])/);
  return (
    <span style={{ wordBreak: "keep-all", overflowWrap: "normal" }}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
