// Users of the account for the console's Users list: paged and filterable by name.
import { ListUsersCommand, type User } from "@aws-sdk/client-iam";
import { iamClient } from "@/lib/aws/clients";
import { pageEntities, type ListEntitiesOptions } from "./list-entities";
import { mapIamError } from "./map-iam-error";
import type { EntityPage, EntitySummary } from "./types";

export function userSummary(user: User): EntitySummary {
  return {
    kind: "user",
    name: user.UserName ?? "",
    path: user.Path ?? "/",
    arn: user.Arn ?? "",
    id: user.UserId ?? "",
    createdAt: (user.CreateDate ?? new Date(0)).toISOString(),
    lastActivity: user.PasswordLastUsed ? { date: user.PasswordLastUsed.toISOString() } : undefined,
  };
}

export async function listUsers(options: ListEntitiesOptions = {}): Promise<EntityPage> {
  const client = iamClient();
  try {
    return await pageEntities(options, async (marker, maxItems) => {
      const out = await client.send(new ListUsersCommand({ Marker: marker, MaxItems: maxItems, PathPrefix: options.pathPrefix }));
      return { items: (out.Users ?? []).map(userSummary), marker: out.IsTruncated ? out.Marker : undefined };
    });
  } catch (error) {
    throw mapIamError(error, { doing: "list the users", permission: "iam:ListUsers" });
  }
}
