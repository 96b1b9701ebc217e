import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { getGenerationView } from "@/lib/console/get-generation-view";

export const dynamic = "force-dynamic";

/** One generation's status and live progress, polled by the entity page until it is terminal. */
export async function GET(_request: Request, ctx: { params: Promise<{ jobId: string }> }) {
  return runRoute(async () => {
    await requireSession();
    const { jobId } = await ctx.params;
    return getGenerationView({ jobId });
  });
}
