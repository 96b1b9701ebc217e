import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runRoute } from "@/lib/console/action-result";
import { listRoles } from "@/lib/iam/list-roles";
import { listUsers } from "@/lib/iam/list-users";

export const dynamic = "force-dynamic";

const query = z.object({
  kind: z.enum(["role", "user"]),
  filter: z.string().max(128).optional(),
  marker: z.string().max(4096).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** One page of roles or users for the console's lists (filter and paging run against IAM). */
export async function GET(request: Request) {
  return runRoute(async () => {
    await requireSession();
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const q = query.parse(params);
    const options = { filter: q.filter || undefined, marker: q.marker || undefined, maxItems: q.pageSize };
    return q.kind === "role" ? listRoles({ ...options, withLastActivity: true }) : listUsers(options);
  });
}
