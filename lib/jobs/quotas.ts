// Generation quotas. Defaults follow AWS where they protect the machine (the 90-day window, 7-day
// retention) and are more generous where a self-hosted instance has no reason to ration (see
// docs/jobs-api.md for the table).
import { env } from "@/lib/env";

export interface GenerationQuotas {
  maxWindowDays: number;
  maxConcurrentPerAccount: number;
  maxPerAccountPerDay: number;
  maxLogFiles: number;
  maxLogBytes: number;
  retentionDays: number;
}

export function generationQuotas(): GenerationQuotas {
  const e = env();
  return {
    maxWindowDays: e.LEASTWISE_MAX_WINDOW_DAYS,
    maxConcurrentPerAccount: e.LEASTWISE_MAX_CONCURRENT_GENERATIONS,
    maxPerAccountPerDay: e.LEASTWISE_MAX_GENERATIONS_PER_DAY,
    maxLogFiles: e.LEASTWISE_MAX_LOG_FILES,
    maxLogBytes: e.LEASTWISE_MAX_LOG_GB * 1024 ** 3,
    retentionDays: e.LEASTWISE_RETENTION_DAYS,
  };
}
