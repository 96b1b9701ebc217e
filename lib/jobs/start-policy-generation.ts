// StartPolicyGeneration: validates everything before accepting, then records the job and queues
// it in one transaction and returns its id at once. The API and the console both call this.
import { randomUUID } from "node:crypto";
import { accountMode } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getTrailByArn } from "@/lib/trails/get-trail-by-arn";
import { requestHash, validateStartInput, validationError, type StartInput } from "./generation-request";
import { enqueueGeneration, jobsContext, type JobsContext } from "./queue";
import { generationQuotas } from "./quotas";

export interface StartPolicyGenerationOptions extends StartInput {
  clientToken?: string;
  /** who asks: "apikey:<id>", "user:<email>"; idempotency tokens are scoped to it */
  requestedBy: string;
  ctx?: JobsContext;
  now?: Date;
}

const CLIENT_TOKEN = /^[\x21-\x7e]{1,64}$/;

export async function startPolicyGeneration(options: StartPolicyGenerationOptions): Promise<{ jobId: string; created: boolean }> {
  const now = options.now ?? new Date();
  const quotas = generationQuotas();
  if (options.clientToken !== undefined && !CLIENT_TOKEN.test(options.clientToken)) {
    throw validationError([{ name: "clientToken", message: "The client token must be 1-64 printable ASCII characters." }]);
  }
  const request = validateStartInput(options, { now, maxWindowDays: quotas.maxWindowDays });
  const hash = requestHash(options);
  const idempotencyKey = options.clientToken ? `${options.requestedBy}\n${options.clientToken}` : null;
  const { db, boss } = options.ctx ?? (await jobsContext());

  if (idempotencyKey) {
    const existing = await findByToken(db, idempotencyKey, hash, options.clientToken!);
    if (existing) return { jobId: existing, created: false };
  }

  // Trails must be known before the job is accepted. Registered trails are checked here; against a
  // real AWS account an unregistered trail is resolved by the worker (CloudTrail GetTrail through
  // the access role) and a missing one fails the job with RESOURCE_NOT_FOUND_ERROR, as AWS does.
  const problems = [];
  for (const [i, trail] of request.trails.entries()) {
    const registered = await getTrailByArn({ arn: trail.cloudTrailArn, db });
    if (!registered && accountMode() === "local") {
      problems.push({
        name: `cloudTrailDetails.trails.${i + 1}.cloudTrailArn`,
        message: `The trail ${trail.cloudTrailArn} is not registered in Leastwise. Register it (Trails page) or point Leastwise at the AWS account that owns it.`,
      });
    }
  }
  if (problems.length) throw validationError(problems);

  const jobId = randomUUID();
  try {
    await db.$transaction(
      async (tx) => {
        // Serialize starts of one account so the quota counts below are exact.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`leastwise-start:${request.accountId}`}))`;
        const running = await tx.generationJob.count({ where: { accountId: request.accountId, status: "IN_PROGRESS" } });
        if (running >= quotas.maxConcurrentPerAccount) {
          throw quotaError(
            `Account ${request.accountId} already has ${running} policy generation(s) in progress (quota: ${quotas.maxConcurrentPerAccount}). Wait for one to finish or cancel it.`,
            request.accountId,
          );
        }
        const today = await tx.generationJob.count({
          where: { accountId: request.accountId, startedOn: { gte: new Date(now.getTime() - 86_400_000) } },
        });
        if (today >= quotas.maxPerAccountPerDay) {
          throw quotaError(
            `Account ${request.accountId} started ${today} policy generations in the last 24 hours (quota: ${quotas.maxPerAccountPerDay}, canceled ones count).`,
            request.accountId,
          );
        }
        // One generation at a time per principal: a second one (another tab, Generate pressed
        // twice, a script) would silently replace whichever finished first.
        const mine = await tx.generationJob.findFirst({
          where: { principalArn: request.principalArn, status: "IN_PROGRESS" },
          select: { id: true },
        });
        if (mine) {
          throw new AppError(
            "CONFLICT",
            `A policy generation for ${request.principalArn} is already in progress (job ${mine.id}). Wait for it to finish or cancel it before starting another.`,
            { details: { resourceId: mine.id, resourceType: "PolicyGeneration" } },
          );
        }
        await tx.generationJob.create({
          data: {
            id: jobId,
            principalArn: request.principalArn,
            accountId: request.accountId,
            trails: request.trails as unknown as Prisma.InputJsonValue,
            accessRole: request.accessRole,
            startTime: request.startTime,
            endTime: request.endTime,
            startedOn: now,
            idempotencyKey,
            clientToken: options.clientToken ?? null,
            requestHash: hash,
            requestedBy: options.requestedBy,
          },
        });
        await enqueueGeneration(boss, tx, jobId);
      },
      { timeout: 15_000, maxWait: 15_000 },
    );
  } catch (error) {
    // Two retries with one token raced: the loser returns the winner's job.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await findByToken(db, idempotencyKey, hash, options.clientToken!);
      if (existing) return { jobId: existing, created: false };
    }
    throw error;
  }
  return { jobId, created: true };
}

async function findByToken(db: JobsContext["db"], key: string, hash: string, token: string): Promise<string | null> {
  const existing = await db.generationJob.findUnique({ where: { idempotencyKey: key }, select: { id: true, requestHash: true } });
  if (!existing) return null;
  if (existing.requestHash !== hash) {
    throw new AppError(
      "CONFLICT",
      `The client token "${token}" was already used for a different policy generation request (job ${existing.id}). Use a new token for a new request.`,
      { details: { resourceId: existing.id, resourceType: "PolicyGeneration" } },
    );
  }
  return existing.id;
}

function quotaError(message: string, accountId: string): AppError {
  return new AppError("QUOTA", message, { details: { resourceId: accountId, resourceType: "PolicyGeneration" } });
}
