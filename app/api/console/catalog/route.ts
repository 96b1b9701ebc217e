import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { getServiceName, listServices } from "@/lib/core/catalog";

export const dynamic = "force-dynamic";

/** Every service prefix of the IAM catalog with its name (the "add actions" service picker). */
export async function GET() {
  return runRoute(async () => {
    await requireSession();
    return listServices().map((prefix) => ({ prefix, name: getServiceName(prefix) ?? prefix }));
  });
}
