"use server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runAction } from "@/lib/console/action-result";
import { AppError } from "@/lib/errors";
import { registerTrail } from "@/lib/trails/register-trail";
import { unregisterTrail } from "@/lib/trails/unregister-trail";

const schema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][\w.-]{2,127}$/, "Use 3-128 letters, digits, periods, hyphens or underscores, starting with a letter or digit."),
  homeRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Choose the trail's home region."),
  accountId: z.string().regex(/^\d{12}$/, "Enter the 12-digit account ID the trail logs."),
  partition: z
    .string()
    .regex(/^aws(-[a-z-]+)?$/)
    .default("aws"),
  orgId: z.string().trim().optional(),
  source: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("s3"),
      bucket: z.string().trim(),
      prefix: z.string().trim().max(1024).optional(),
      endpoint: z.string().trim().max(2048).optional(),
      region: z.string().trim().max(64).optional(),
    }),
    z.object({ kind: z.literal("local"), dir: z.string().trim().max(4096), prefix: z.string().trim().max(1024).optional() }),
  ]),
});

/** Registers where a trail's logs are (an S3 or S3-compatible bucket, or a local directory). Admins only. */
export async function registerTrailAction(raw: z.input<typeof schema>) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "register trails" });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("VALIDATION", issue.message, { field: String(issue.path[issue.path.length - 1] ?? "") });
    }
    const p = parsed.data;
    const source =
      p.source.kind === "s3"
        ? {
            kind: "s3" as const,
            bucket: p.source.bucket,
            ...(p.source.prefix ? { prefix: p.source.prefix } : {}),
            ...(p.source.endpoint ? { endpoint: p.source.endpoint } : {}),
            ...(p.source.region ? { region: p.source.region } : {}),
          }
        : { kind: "local" as const, dir: p.source.dir, ...(p.source.prefix ? { prefix: p.source.prefix } : {}) };
    const trail = await registerTrail({
      arn: `arn:${p.partition}:cloudtrail:${p.homeRegion}:${p.accountId}:trail/${p.name}`,
      source,
      ...(p.orgId ? { orgId: p.orgId } : {}),
    });
    return { arn: trail.arn };
  });
}

export async function unregisterTrailAction(raw: { arn: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "remove trails" });
    await unregisterTrail({ arn: z.string().min(1).max(2048).parse(raw.arn) });
    return { removed: true };
  });
}
