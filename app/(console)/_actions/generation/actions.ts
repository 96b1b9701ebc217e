"use server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runAction } from "@/lib/console/action-result";
import { listTrailOptions } from "@/lib/console/list-trail-options";
import { refuseDiscardingDraft } from "@/lib/console/refuse-discarding-draft";
import { parsePrincipalArn } from "@/lib/core/arn";
import { AppError } from "@/lib/errors";
import { createServiceRole } from "@/lib/iam/create-service-role";
import { cancelPolicyGeneration } from "@/lib/jobs/cancel-policy-generation";
import { startPolicyGeneration } from "@/lib/jobs/start-policy-generation";

const input = z.object({
  principalArn: z.string().min(1).max(2048),
  startTime: z.string().datetime({ message: "Choose a valid start date." }),
  endTime: z.string().datetime({ message: "Choose a valid end date." }),
  trail: z.object({
    cloudTrailArn: z.string().min(1, "Choose a trail.").max(2048),
    allRegions: z.boolean(),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Unknown region.")).max(40),
  }),
  accessRole: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("existing"), roleArn: z.string().min(1, "Choose a service role.").max(2048) }),
    z.object({ kind: z.literal("create"), suffix: z.string().max(31) }),
  ]),
});

/**
 * Starts a generation through the same use case as the API's StartPolicyGeneration (one code path).
 * Viewers may generate; creating the service role is an IAM change, so only administrators may.
 */
export async function startGenerationAction(raw: z.input<typeof input>) {
  return runAction(async () => {
    const session = await requireSession();
    const parsed = input.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("VALIDATION", issue.message, { field: issue.path.join(".") });
    }
    const p = parsed.data;
    await refuseDiscardingDraft({ principalArn: p.principalArn, username: session.username, role: session.role });
    let accessRole: string;
    if (p.accessRole.kind === "create") {
      await requireSession({ admin: true, action: "create the service role" });
      const trail = (await listTrailOptions()).options.find((t) => t.arn === p.trail.cloudTrailArn);
      if (!trail) throw new AppError("VALIDATION", "This trail is not known any more. Reload the page.", { field: "trail" });
      if (!trail.serviceRoleBucket) {
        throw new AppError(
          "VALIDATION",
          "This trail's logs are in a local directory, so there is no bucket to grant the new role. Choose an existing service role.",
          { field: "role" },
        );
      }
      const role = await createServiceRole({
        trailBucket: trail.serviceRoleBucket,
        suffix: p.accessRole.suffix,
        partition: parsePrincipalArn(p.principalArn).partition,
      }).catch((error) => {
        if (error instanceof AppError) throw new AppError(error.code, error.userMessage, { status: error.status, field: "role" });
        throw error;
      });
      accessRole = role.arn;
    } else {
      accessRole = p.accessRole.roleArn;
    }
    const { jobId } = await startPolicyGeneration({
      principalArn: p.principalArn,
      cloudTrailDetails: {
        trails: [
          p.trail.allRegions
            ? { cloudTrailArn: p.trail.cloudTrailArn, allRegions: true }
            : { cloudTrailArn: p.trail.cloudTrailArn, regions: p.trail.regions },
        ],
        accessRole,
        startTime: new Date(p.startTime),
        endTime: new Date(p.endTime),
      },
      requestedBy: `user:${session.username}`,
    });
    return { jobId };
  });
}

export async function cancelGenerationAction(raw: { jobId: string }) {
  return runAction(async () => {
    await requireSession();
    const jobId = z.string().uuid("Unknown generation.").parse(raw.jobId);
    await cancelPolicyGeneration({ jobId });
    return { canceled: true };
  });
}
