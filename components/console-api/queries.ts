"use client";
import { useQuery } from "@tanstack/react-query";
import { isTerminal, type GenerationView } from "@/lib/console/generation-view";
import { fetchJson } from "./fetch-json";

export const consoleKeys = {
  generation: (jobId: string) => ["generation", jobId] as const,
  serviceActions: (service: string) => ["service-actions", service] as const,
  policyAnalysis: (text: string) => ["policy-analysis", text] as const,
};

/** Polls a generation every 1.5 s until it reaches a terminal status. */
export function useGeneration(jobId: string, initial?: GenerationView) {
  return useQuery({
    queryKey: consoleKeys.generation(jobId),
    queryFn: ({ signal }) => fetchJson<GenerationView>(`/api/console/generations/${encodeURIComponent(jobId)}`, { signal }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isTerminal(q.state.data.status) ? false : 1500),
  });
}
