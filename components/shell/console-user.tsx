"use client";
import { createContext, useContext } from "react";

export interface ConsoleUserInfo {
  username: string;
  role: "admin" | "viewer";
}

const ConsoleUserContext = createContext<ConsoleUserInfo>({ username: "", role: "viewer" });

export function ConsoleUserProvider({ user, children }: { user: ConsoleUserInfo; children: React.ReactNode }) {
  return <ConsoleUserContext.Provider value={user}>{children}</ConsoleUserContext.Provider>;
}

/** The signed-in user, for showing or hiding controls. The server checks the role again on every call. */
export function useConsoleUser() {
  return useContext(ConsoleUserContext);
}
