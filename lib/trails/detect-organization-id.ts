// Which organization folder of an organization trail's bucket holds an account's logs. An
// organization trail writes every member account under `AWSLogs/<o-id>/<account>/`; the
// organization ID is read from the bucket itself (one list request, two when there are several
// organization folders), which needs no organizations: permission and works from a member account.
import type { LogSource } from "@/lib/core/types";
import { createLogStore } from "@/lib/logs/create-log-store";
import { isOrgId, normalizePrefix } from "@/lib/logs/trail-layout";

export interface DetectedLayout {
  /** the organization folder holding the account, or the only one there is */
  orgId?: string;
  /** every organization folder found under AWSLogs/ */
  orgFolders: string[];
  /** whether AWSLogs/<account>/ (the account-trail layout) exists too */
  accountFolder: boolean;
}

export async function detectOrganizationId(o: { source: LogSource; account: string; signal?: AbortSignal }): Promise<DetectedLayout> {
  const store = await createLogStore(o.source);
  const base = `${normalizePrefix(o.source.prefix)}AWSLogs/`;
  const top = await store.listFolders(base, o.signal);
  const orgFolders = top.filter(isOrgId).sort();
  const accountFolder = top.includes(o.account);
  for (const org of orgFolders) {
    if ((await store.listFolders(`${base}${org}/`, o.signal)).includes(o.account)) return { orgId: org, orgFolders, accountFolder };
  }
  return { ...(orgFolders.length === 1 ? { orgId: orgFolders[0] } : {}), orgFolders, accountFolder };
}
