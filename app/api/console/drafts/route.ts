import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { assertSameOriginJson } from "@/lib/console/assert-same-origin-json";
import { getWizardJob } from "@/lib/console/get-wizard-job";
import { savePolicyDraft } from "@/lib/console/save-policy-draft";

export const dynamic = "force-dynamic";

const body = z.object({ jobId: z.string().uuid(), documentText: z.string().max(200_000).nullable() });

/**
 * Saves the editor's text as the wizard draft. The same as the page's server action, reachable by
 * navigator.sendBeacon when the page is closed or reloaded before the debounced save ran.
 */
export async function POST(request: Request) {
  return runRoute(async () => {
    assertSameOriginJson(request);
    const session = await requireSession();
    const input = body.parse(JSON.parse(await request.text()));
    const job = await getWizardJob({ jobId: input.jobId });
    await savePolicyDraft({
      principalArn: job.principalArn,
      jobId: job.jobId,
      documentText: input.documentText,
      updatedBy: session.username,
    });
    return { saved: true };
  });
}
