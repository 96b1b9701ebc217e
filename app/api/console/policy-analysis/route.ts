import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { assertSameOriginJson } from "@/lib/console/assert-same-origin-json";
import { analyzePolicy } from "@/lib/console/analyze-policy";
import { getWizardJob } from "@/lib/console/get-wizard-job";

export const dynamic = "force-dynamic";

const body = z.object({ jobId: z.string().uuid(), text: z.string().max(200_000) });

/** The editor's markers, size, split preview, placeholders and summary for the current text. */
export async function POST(request: Request) {
  return runRoute(async () => {
    assertSameOriginJson(request);
    await requireSession();
    const input = body.parse(await request.json());
    const job = await getWizardJob({ jobId: input.jobId });
    return analyzePolicy({ text: input.text, usage: job.usage });
  });
}
