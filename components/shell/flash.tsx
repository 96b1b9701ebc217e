"use client";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { FlashbarProps } from "@cloudscape-design/components/flashbar";

export interface FlashMessage {
  type: "success" | "error" | "warning" | "info";
  header?: string;
  content?: React.ReactNode;
  /** a stable id replaces an earlier message with the same id instead of stacking */
  id?: string;
}

interface FlashApi {
  items: FlashbarProps.MessageDefinition[];
  push: (m: FlashMessage) => void;
  dismiss: (id: string) => void;
}

const FlashContext = createContext<FlashApi>({ items: [], push: () => {}, dismiss: () => {} });

export function useFlash() {
  return useContext(FlashContext);
}

let counter = 0;

export function FlashProvider({ children }: { children: React.ReactNode }) {
  const [messages, setMessages] = useState<(FlashMessage & { id: string })[]>([]);
  const dismiss = useCallback((id: string) => setMessages((all) => all.filter((m) => m.id !== id)), []);
  const push = useCallback((m: FlashMessage) => {
    const id = m.id ?? `flash-${++counter}`;
    setMessages((all) => [...all.filter((x) => x.id !== id), { ...m, id }]);
  }, []);
  const items = useMemo<FlashbarProps.MessageDefinition[]>(
    () =>
      messages.map((m) => ({
        id: m.id,
        type: m.type,
        header: m.header,
        content: m.content,
        dismissible: true,
        dismissLabel: "Dismiss message",
        onDismiss: () => dismiss(m.id),
      })),
    [messages, dismiss],
  );
  return <FlashContext.Provider value={{ items, push, dismiss }}>{children}</FlashContext.Provider>;
}
