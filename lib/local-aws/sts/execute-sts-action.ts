// The one STS action the local account answers: GetCallerIdentity, so that code written for real
// AWS can learn the account ID the same way against the local account. Leastwise keys act as the
// account's root identity there.
import { randomUUID } from "node:crypto";
import { QueryParams } from "../protocol/query-params";
import { queryErrorXml, queryResponseXml, STS_NAMESPACE } from "../protocol/xml";
import type { XmlAnswer } from "../iam/execute-iam-action";

export async function executeStsAction(options: { body: string; accessKeyId: string; accountId: () => Promise<string> }): Promise<XmlAnswer> {
  const requestId = randomUUID();
  const action = new QueryParams(options.body).action;
  if (action !== "GetCallerIdentity") {
    const message = action ? `Could not find operation ${action} for version 2011-06-15` : "Missing Action parameter.";
    return { status: 400, body: queryErrorXml({ type: "Sender", code: action ? "InvalidAction" : "MissingAction", message }, requestId, STS_NAMESPACE), requestId };
  }
  const account = await options.accountId();
  const result = { UserId: options.accessKeyId, Account: account, Arn: `arn:aws:iam::${account}:root` };
  return { status: 200, body: queryResponseXml(action, result, requestId, STS_NAMESPACE), requestId };
}
