// The StartPolicyGeneration request, validated and normalized, and its fingerprint for idempotency.
import { createHash } from "node:crypto";
import { ACCESS_ROLE_ARN_PATTERN, parsePrincipalArn, parseTrailArn } from "@/lib/core/arn";
import { isCoreError } from "@/lib/core/errors";
import { parseIsoTime, validateWindow } from "@/lib/core/window";
import { AppError } from "@/lib/errors";

export interface TrailInput {
  cloudTrailArn: string;
  regions?: string[];
  allRegions?: boolean;
}

export interface StartInput {
  principalArn: string;
  cloudTrailDetails?: {
    trails: TrailInput[];
    accessRole: string;
    startTime: Date | string;
    endTime?: Date | string;
  };
}

export interface GenerationRequest {
  principalArn: string;
  accountId: string;
  trails: TrailInput[];
  accessRole: string;
  startTime: Date;
  endTime: Date;
}

export interface FieldProblem {
  name: string;
  message: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const MAX_TRAILS = 10;

/** A ValidationException-shaped AppError (reason fieldValidationFailed + fieldList). */
export function validationError(problems: FieldProblem[]): AppError {
  const message =
    problems.length === 1
      ? `Invalid ${problems[0].name}: ${problems[0].message}`
      : `${problems.length} validation errors: ${problems.map((p) => `${p.name}: ${p.message}`).join("; ")}`;
  return new AppError("VALIDATION", message, {
    field: problems[0]?.name,
    details: { reason: "fieldValidationFailed", fieldList: problems },
  });
}

function toDate(value: Date | string | undefined): Date | null {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return parseIsoTime(value);
}

/** Validates everything that can be checked without I/O; throws a ValidationException AppError. */
export function validateStartInput(input: StartInput, opts: { now: Date; maxWindowDays: number }): GenerationRequest {
  const problems: FieldProblem[] = [];
  const check = (name: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (!isCoreError(error)) throw error;
      problems.push({ name, message: error.message });
    }
  };
  let accountId = "";
  check("policyGenerationDetails.principalArn", () => {
    accountId = parsePrincipalArn(input.principalArn).accountId;
  });
  const details = input.cloudTrailDetails;
  if (!details) {
    problems.push({
      name: "cloudTrailDetails",
      message: "cloudTrailDetails is required: name the trail, the access role and the start time.",
    });
    throw validationError(problems);
  }
  if (!Array.isArray(details.trails) || details.trails.length === 0) {
    problems.push({ name: "cloudTrailDetails.trails", message: "Name at least one trail." });
  } else if (details.trails.length > MAX_TRAILS) {
    problems.push({ name: "cloudTrailDetails.trails", message: `At most ${MAX_TRAILS} trails per generation.` });
  }
  const seen = new Set<string>();
  (details.trails ?? []).forEach((trail, i) => {
    const base = `cloudTrailDetails.trails.${i + 1}`;
    check(`${base}.cloudTrailArn`, () => void parseTrailArn(trail.cloudTrailArn));
    if (seen.has(trail.cloudTrailArn)) problems.push({ name: `${base}.cloudTrailArn`, message: "The same trail is named twice." });
    seen.add(trail.cloudTrailArn);
    for (const region of trail.regions ?? []) {
      if (!REGION.test(region)) problems.push({ name: `${base}.regions`, message: `"${region}" is not a region name (e.g. us-east-1).` });
    }
  });
  if (!ACCESS_ROLE_ARN_PATTERN.test(details.accessRole ?? "")) {
    problems.push({
      name: "cloudTrailDetails.accessRole",
      message: `"${details.accessRole ?? ""}" is not a role ARN (arn:aws:iam::ACCOUNT:role/service-role/AccessAnalyzerMonitorServiceRole...).`,
    });
  }
  const start = toDate(details.startTime);
  const end = details.endTime === undefined ? opts.now : toDate(details.endTime);
  if (!start) problems.push({ name: "cloudTrailDetails.startTime", message: "startTime is required and must be an ISO-8601 timestamp." });
  if (!end) problems.push({ name: "cloudTrailDetails.endTime", message: "endTime must be an ISO-8601 timestamp." });
  if (start && end) {
    check("cloudTrailDetails.startTime", () => validateWindow(start, end, { now: opts.now, maxDays: opts.maxWindowDays }));
    const last = problems[problems.length - 1];
    // The core names the field it blames; keep the API's member path.
    if (last?.name === "cloudTrailDetails.startTime" && /end time/i.test(last.message)) last.name = "cloudTrailDetails.endTime";
  }
  if (problems.length) throw validationError(problems);
  return {
    principalArn: input.principalArn,
    accountId,
    trails: details.trails.map((t) => ({
      cloudTrailArn: t.cloudTrailArn,
      ...(t.regions ? { regions: [...new Set(t.regions)].sort() } : {}),
      ...(t.allRegions !== undefined ? { allRegions: t.allRegions } : {}),
    })),
    accessRole: details.accessRole,
    startTime: start!,
    endTime: end!,
  };
}

/**
 * Fingerprint of what was asked (not of defaults filled in): a retry without endTime must match
 * the original even though "now" moved on.
 */
export function requestHash(input: StartInput): string {
  const d = input.cloudTrailDetails;
  const iso = (v: Date | string | undefined) => (v === undefined ? null : (toDate(v)?.toISOString() ?? String(v)));
  const canonical = {
    principalArn: input.principalArn,
    trails: (d?.trails ?? []).map((t) => ({
      arn: t.cloudTrailArn,
      regions: t.regions ? [...new Set(t.regions)].sort() : null,
      all: t.allRegions ?? null,
    })),
    accessRole: d?.accessRole ?? null,
    startTime: iso(d?.startTime),
    endTime: iso(d?.endTime),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
