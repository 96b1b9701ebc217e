"use client";
import dynamic from "next/dynamic";
import Spinner from "@cloudscape-design/components/spinner";

/** Monaco touches window at import time: load it only in the browser. */
export const PolicyEditorLazy = dynamic(() => import("./policy-editor"), {
  ssr: false,
  loading: () => (
    <div style={{ height: 520, display: "grid", placeItems: "center" }}>
      <Spinner size="large" /> Loading editor...
    </div>
  ),
});
