"use client";
import { createContext, useContext } from "react";

export interface SplitPanelContent {
  header: string;
  content: React.ReactNode;
}

/** Opens Cloudscape's split panel of the console layout with some content (null closes it). */
export const SplitPanelContext = createContext<(panel: SplitPanelContent | null) => void>(() => {});

export function useSplitPanel() {
  return useContext(SplitPanelContext);
}
