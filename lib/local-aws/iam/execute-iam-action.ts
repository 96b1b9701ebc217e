// One IAM Query request body in, one XML answer out (after authentication, which the transport does).
import { randomUUID } from "node:crypto";
import { QueryParams } from "../protocol/query-params";
import { queryErrorXml, queryResponseXml } from "../protocol/xml";
import type { IamContext } from "./context";
import { IamError } from "./iam-error";
import { IAM_OPERATIONS } from "./operations";

export interface XmlAnswer {
  status: number;
  body: string;
  requestId: string;
}

export async function executeIamAction(options: { body: string; context: () => Promise<IamContext> }): Promise<XmlAnswer> {
  const requestId = randomUUID();
  const params = new QueryParams(options.body);
  const action = params.action;
  try {
    if (!action) throw new IamError("MissingAction", "Missing Action parameter.");
    const operation = Object.hasOwn(IAM_OPERATIONS, action) ? IAM_OPERATIONS[action] : undefined;
    if (!operation) throw new IamError("InvalidAction", `Could not find operation ${action} for version 2010-05-08`);
    const result = await operation(await options.context(), params);
    return { status: 200, body: queryResponseXml(action, result, requestId), requestId };
  } catch (error) {
    return { ...iamErrorAnswer(error, requestId), requestId };
  }
}

export function iamErrorAnswer(error: unknown, requestId: string): { status: number; body: string } {
  if (error instanceof IamError) {
    return { status: error.status, body: queryErrorXml({ type: error.type, code: error.code, message: error.message }, requestId) };
  }
  console.error(`[local-aws] IAM request ${requestId} failed`, error);
  return {
    status: 500,
    body: queryErrorXml(
      {
        type: "Receiver",
        code: "ServiceFailure",
        message: `The local IAM endpoint failed to process the request (request ${requestId}); see the server log.`,
      },
      requestId,
    ),
  };
}
