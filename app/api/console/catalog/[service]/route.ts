import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { groupServiceActions } from "@/lib/console/group-service-actions";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A service's actions from the IAM catalog, grouped by access level (the Services used menus). */
export async function GET(_request: Request, ctx: { params: Promise<{ service: string }> }) {
  return runRoute(async () => {
    await requireSession();
    const { service } = await ctx.params;
    const groups = groupServiceActions(service);
    if (!groups) throw new AppError("NOT_FOUND", `The IAM catalog has no service "${service}".`);
    return groups;
  });
}
