"use client";
import { useCallback, useEffect, useState } from "react";

const STEPS = 3;

function stepFromUrl(): number {
  const n = Number(new URLSearchParams(window.location.search).get("step"));
  return Number.isInteger(n) && n >= 1 && n <= STEPS ? n - 1 : 0;
}

/**
 * The wizard's step in the URL (`?step=2`): a reload returns to it, the browser's Back goes to the
 * previous step. Starts at step 1 on the server and on the first client render (no hydration
 * mismatch), then follows the URL.
 */
export function useWizardStep(): [number, (step: number) => void] {
  const [step, setStepState] = useState(0);
  useEffect(() => {
    setStepState(stepFromUrl());
    const onPop = () => setStepState(stepFromUrl());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const setStep = useCallback((next: number) => {
    setStepState(next);
    const url = new URL(window.location.href);
    if (next === 0) url.searchParams.delete("step");
    else url.searchParams.set("step", String(next + 1));
    if (url.href !== window.location.href) window.history.pushState(null, "", url);
  }, []);
  return [step, setStep];
}

/** A value kept in this tab's sessionStorage (survives a reload), loaded after the first render. */
export function useSessionState<T>(key: string, initial: T): [T, (v: T) => void, () => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    try {
      const saved = window.sessionStorage.getItem(key);
      if (saved !== null) setValue(JSON.parse(saved) as T);
    } catch {
      // unavailable or corrupt storage: keep the initial value
    }
  }, [key]);
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        window.sessionStorage.setItem(key, JSON.stringify(v));
      } catch {
        // storage full or disabled: the value still lives in memory
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  }, [key]);
  return [value, set, clear];
}
