// Roles of the account for the console's Roles list: paged, filterable by name, optionally with each
// role's last activity (one GetRole per listed role: ListRoles does not carry it).
import { GetRoleCommand, ListRolesCommand, type Role } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { pageEntities, type ListEntitiesOptions } from "./list-entities";
import { mapIamError } from "./map-iam-error";
import { trustedEntities } from "./trusted-entities";
import type { EntityPage, EntitySummary } from "./types";

export function roleSummary(role: Role): EntitySummary {
  return {
    kind: "role",
    name: role.RoleName ?? "",
    path: role.Path ?? "/",
    arn: role.Arn ?? "",
    id: role.RoleId ?? "",
    createdAt: (role.CreateDate ?? new Date(0)).toISOString(),
    description: role.Description || undefined,
    lastActivity: role.RoleLastUsed?.LastUsedDate
      ? { date: role.RoleLastUsed.LastUsedDate.toISOString(), region: role.RoleLastUsed.Region }
      : undefined,
    trustedEntities: trustedEntities(role.AssumeRolePolicyDocument),
  };
}

export async function listRoles(options: ListEntitiesOptions & { withLastActivity?: boolean } = {}): Promise<EntityPage> {
  const client = iamClient();
  try {
    const page = await pageEntities(options, async (marker, maxItems) => {
      const out = await client.send(new ListRolesCommand({ Marker: marker, MaxItems: maxItems, PathPrefix: options.pathPrefix }));
      return { items: (out.Roles ?? []).map(roleSummary), marker: out.IsTruncated ? out.Marker : undefined };
    });
    if (options.withLastActivity) {
      page.items = await mapLimited(page.items, 8, async (item) => {
        try {
          const out = await client.send(new GetRoleCommand({ RoleName: item.name }));
          return out.Role ? roleSummary(out.Role) : item;
        } catch (error) {
          // deleted since the page was listed: keep the row as listed rather than fail the page
          if ((error as { name?: string }).name === "NoSuchEntityException") return item;
          throw error;
        }
      });
    }
    return page;
  } catch (error) {
    throw mapIamError(error, { doing: "list the roles", permission: "iam:ListRoles" });
  }
}

async function mapLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}
