"use server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runAction } from "@/lib/console/action-result";
import { analyzePolicy } from "@/lib/console/analyze-policy";
import { buildWizardPolicy, catalogLookup } from "@/lib/console/build-wizard-policy";
import { normalizeSelection } from "@/lib/console/draft-selection";
import { getWizardJob } from "@/lib/console/get-wizard-job";
import { savePolicyDraft } from "@/lib/console/save-policy-draft";
import { splitPolicyDocument } from "@/lib/core/policy";
import { AppError } from "@/lib/errors";
import { createManagedPolicies } from "@/lib/iam/create-managed-policies";

const jobId = z.string().uuid("Unknown generation.");
const action = z.string().max(256);
const selectionSchema = z.object({
  removedActions: z.array(action).max(20_000),
  addedActions: z.array(action).max(20_000),
  acceptedPassRoles: z.array(z.string().max(2048)).max(1000),
  acceptedDenied: z.array(z.string().max(1024)).max(10_000),
});

/** Step 1: saves the chosen actions and returns the policy built from them. Viewers may do this. */
export async function buildPolicyAction(input: { jobId: string; selection: unknown }) {
  return runAction(async () => {
    const session = await requireSession();
    const id = jobId.parse(input.jobId);
    const selection = normalizeSelection(selectionSchema.parse(input.selection));
    const job = await getWizardJob({ jobId: id });
    const built = buildWizardPolicy({ usage: job.usage, selection });
    await savePolicyDraft({ principalArn: job.principalArn, jobId: id, selection, updatedBy: session.username });
    // Actions added from the catalog or allowed after a denied call keep their access level in the table.
    const accessLevels: Record<string, string> = {};
    for (const a of [...selection.addedActions, ...selection.acceptedDenied.map((k) => job.usage.denied[k]?.action ?? "")]) {
      const level = a ? catalogLookup(a)?.accessLevel : undefined;
      if (level) accessLevels[a] = level;
    }
    return { builtText: built.text, accessLevels };
  });
}

/** Step 2: keeps the editor's text as a draft (null: back to the built policy). */
export async function saveDraftTextAction(input: { jobId: string; documentText: string | null }) {
  return runAction(async () => {
    const session = await requireSession();
    const id = jobId.parse(input.jobId);
    const text = z.string().max(200_000, "The policy text is too long to save.").nullable().parse(input.documentText);
    const job = await getWizardJob({ jobId: id });
    await savePolicyDraft({ principalArn: job.principalArn, jobId: id, documentText: text, updatedBy: session.username });
    return { saved: true };
  });
}

const createSchema = z.object({
  jobId,
  name: z.string().trim().min(1, "Enter a policy name.").max(128, "IAM allows at most 128 characters in a policy name."),
  description: z.string().max(1000, "IAM allows at most 1,000 characters in a description.").default(""),
  tags: z
    .array(
      z.object({
        key: z.string().trim().min(1, "Every tag needs a key.").max(128, "A tag key has at most 128 characters."),
        value: z.string().max(256, "A tag value has at most 256 characters."),
      }),
    )
    .max(50, "IAM allows at most 50 tags."),
  attach: z.boolean(),
  documentText: z.string().min(1, "The policy is empty.").max(200_000),
});

/** Step 3: validates, splits if needed, creates the managed policies and attaches them. Admins only. */
export async function createPoliciesAction(input: z.input<typeof createSchema>) {
  return runAction(async () => {
    const session = await requireSession({ admin: true, action: "create and attach policies" });
    const parsed = createSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue.path[0] ?? "");
      throw new AppError("VALIDATION", issue.message, { field: field === "documentText" ? "document" : field });
    }
    const p = parsed.data;
    const job = await getWizardJob({ jobId: p.jobId });
    const analysis = analyzePolicy({ text: p.documentText, usage: job.usage });
    // Placeholders are only warnings while editing, but a policy is never created with them left.
    const blocking = analysis.markers.filter((m) => m.severity === "error" || m.code === "PLACEHOLDER_LEFT");
    if (blocking.length > 0) {
      throw new AppError(
        "VALIDATION",
        `The policy has ${blocking.length} problem${blocking.length === 1 ? "" : "s"} to fix first: ${blocking[0].message}`,
        {
          field: "document",
        },
      );
    }
    const documents = splitPolicyDocument(JSON.parse(p.documentText) as object).map((d) => JSON.stringify(d));
    await savePolicyDraft({ principalArn: job.principalArn, jobId: job.jobId, documentText: p.documentText, updatedBy: session.username });
    const { policies } = await createManagedPolicies({
      entityArn: job.principalArn,
      baseName: p.name,
      description: p.description || undefined,
      tags: p.tags,
      documents,
      attach: p.attach,
    });
    return {
      policies: policies.map((x) => ({ name: x.name, arn: x.arn })),
      attachedTo: p.attach ? (job.principalArn.split("/").pop() ?? job.principalArn) : null,
    };
  });
}
