// The wire shapes of a job (Access Analyzer's JobDetails / PolicyGeneration / GeneratedPolicyProperties).
import type { GenerationJob } from "@/lib/generated/prisma/client";
import type { TrailInput } from "./generation-request";

export type JobStatus = "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "CANCELED";

export interface JobDetails {
  jobId: string;
  status: JobStatus;
  startedOn: string;
  completedOn?: string;
  jobError?: { code: string; message: string };
}

export function toJobDetails(job: GenerationJob): JobDetails {
  return {
    jobId: job.id,
    status: job.status,
    startedOn: job.startedOn.toISOString(),
    ...(job.completedOn ? { completedOn: job.completedOn.toISOString() } : {}),
    ...(job.errorCode ? { jobError: { code: job.errorCode, message: job.errorMessage ?? "" } } : {}),
  };
}

export function toPolicyGeneration(job: GenerationJob) {
  return {
    jobId: job.id,
    principalArn: job.principalArn,
    status: job.status,
    startedOn: job.startedOn.toISOString(),
    ...(job.completedOn ? { completedOn: job.completedOn.toISOString() } : {}),
  };
}

export function trailProperties(job: GenerationJob) {
  return (job.trails as unknown as TrailInput[]).map((t) => ({
    cloudTrailArn: t.cloudTrailArn,
    ...(t.regions ? { regions: t.regions } : {}),
    ...(t.allRegions !== undefined ? { allRegions: t.allRegions } : {}),
  }));
}
