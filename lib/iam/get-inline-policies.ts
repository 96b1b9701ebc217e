// A role's or user's inline policies with their documents (pretty JSON).
import { iamClient } from "@/lib/aws/clients";
import { getInline, listInlineNames, parseEntityArn, verb } from "./entity-policy-calls";
import { mapIamError } from "./map-iam-error";

export async function getInlinePolicies(options: { entityArn: string }): Promise<{ name: string; document: string }[]> {
  const p = parseEntityArn(options.entityArn);
  const client = iamClient();
  try {
    const names = await listInlineNames(client, p);
    return await Promise.all(names.map(async (name) => ({ name, document: await getInline(client, p, name) })));
  } catch (error) {
    throw mapIamError(error, { doing: `read the inline policies of ${p.name}`, permission: verb(p, "Get") });
  }
}
