// ListPolicyGenerations: newest first, within retention, optionally of one principal, paginated
// with an opaque token (a keyset cursor, stable while new jobs arrive).
import { PRINCIPAL_ARN_PATTERN } from "@/lib/core/arn";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validationError } from "./generation-request";
import { toPolicyGeneration } from "./job-details";
import { jobsContext, type JobsContext } from "./queue";
import { generationQuotas } from "./quotas";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export async function listPolicyGenerations(options: {
  principalArn?: string;
  maxResults?: number;
  nextToken?: string;
  ctx?: Pick<JobsContext, "db">;
  now?: Date;
}) {
  const { principalArn, nextToken } = options;
  const maxResults = options.maxResults ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw validationError([{ name: "maxResults", message: "maxResults must be an integer of at least 1." }]);
  }
  if (principalArn !== undefined && !PRINCIPAL_ARN_PATTERN.test(principalArn)) {
    throw validationError([{ name: "principalArn", message: `"${principalArn}" is not the ARN of an IAM role or user.` }]);
  }
  const cursor = nextToken === undefined ? undefined : decodeToken(nextToken);
  const { db } = options.ctx ?? (await jobsContext());
  const now = options.now ?? new Date();
  const where: Prisma.GenerationJobWhereInput = {
    startedOn: { gte: new Date(now.getTime() - generationQuotas().retentionDays * 86_400_000) },
    ...(principalArn ? { principalArn } : {}),
    ...(cursor ? { OR: [{ startedOn: { lt: cursor.startedOn } }, { startedOn: cursor.startedOn, id: { lt: cursor.id } }] } : {}),
  };
  const take = Math.min(maxResults, MAX_PAGE_SIZE);
  const rows = await db.generationJob.findMany({ where, orderBy: [{ startedOn: "desc" }, { id: "desc" }], take: take + 1 });
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return {
    policyGenerations: page.map(toPolicyGeneration),
    ...(rows.length > take && last ? { nextToken: encodeToken(last.startedOn, last.id) } : {}),
  };
}

function encodeToken(startedOn: Date, id: string): string {
  return Buffer.from(JSON.stringify({ s: startedOn.toISOString(), i: id })).toString("base64url");
}

function decodeToken(token: string): { startedOn: Date; id: string } {
  try {
    const { s, i } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s: string; i: string };
    const startedOn = new Date(s);
    if (typeof i !== "string" || Number.isNaN(startedOn.getTime())) throw new Error("bad token");
    return { startedOn, id: i };
  } catch {
    throw new AppError("VALIDATION", "The nextToken is not valid: pass the nextToken of the previous page unchanged.", {
      field: "nextToken",
      details: { reason: "fieldValidationFailed", fieldList: [{ name: "nextToken", message: "invalid pagination token" }] },
    });
  }
}
