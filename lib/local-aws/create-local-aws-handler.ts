// The local AWS endpoint as one web-standard handler: POST /local-aws/iam (IAM Query API, XML),
// /local-aws/cloudtrail (CloudTrail JSON 1.1) and /local-aws/sts (GetCallerIdentity). Every request
// is SigV4-signed for its service with a key Leastwise issued. The same function serves the Next
// route handlers, the plain node:http server of the tests and the SDK's in-process handler.
import { randomUUID } from "node:crypto";
import { authFailure } from "./auth-errors";
import { cloudTrailErrorAnswer, executeCloudTrailAction, type LocalTrail } from "./cloudtrail/execute-cloudtrail-action";
import { DEFAULT_IAM_LIMITS, type Db, type IamLimits } from "./iam/context";
import { executeIamAction, iamErrorAnswer, type XmlAnswer } from "./iam/execute-iam-action";
import { queryErrorXml, STS_NAMESPACE } from "./protocol/xml";
import { executeStsAction } from "./sts/execute-sts-action";
import type { LocalSession } from "./sts/session-credentials";

export type LocalAwsService = "iam" | "cloudtrail" | "sts";

export interface LocalAwsDeps {
  db: () => Promise<Db>;
  /** the local account's ID (created on first use) */
  accountId: (db: Db) => Promise<string>;
  /** checks the signature before and while reading the body (capped); returns the body read and, for a key of the local STS, its session */
  verify: (request: Request, service: LocalAwsService) => Promise<{ accessKeyId: string; body: Uint8Array; session?: LocalSession }>;
  /** the authorization decision after a verified signature: throws (403 AccessDenied) when the key may not use the service */
  authorize: (accessKeyId: string, service: LocalAwsService) => Promise<void>;
  listTrails: (db: Db, accountId: string) => Promise<LocalTrail[]>;
  limits?: Partial<IamLimits>;
  partition?: string;
  /** STS AssumeRole refuses roles younger than this (IAM's propagation delay); default 0 */
  stsPropagationDelayMs?: number;
}

const XML_HEADERS = { "content-type": "text/xml" };
const JSON_HEADERS = { "content-type": "application/x-amz-json-1.1" };

export function serviceOfPath(pathname: string): LocalAwsService | undefined {
  const match = /\/local-aws\/(iam|cloudtrail|sts)\/?$/.exec(pathname);
  return match ? (match[1] as LocalAwsService) : undefined;
}

export function createLocalAwsHandler(deps: LocalAwsDeps) {
  const limits = { ...DEFAULT_IAM_LIMITS, ...deps.limits };

  async function handle(
    request: Request,
    service: LocalAwsService | undefined = serviceOfPath(new URL(request.url).pathname),
  ): Promise<Response> {
    if (!service) return new Response("Not found", { status: 404 });
    if (request.method !== "POST") {
      return new Response(null, { status: 405, headers: { allow: "POST" } });
    }
    try {
      const { accessKeyId, body, session } = await deps.verify(request, service);
      // An assumed role's session may do what the API key that assumed it may do.
      await deps.authorize(session ? session.parentAccessKeyId : accessKeyId, service);
      return await dispatch(service, new TextDecoder().decode(body), accessKeyId, request, session);
    } catch (error) {
      return failure(service, error);
    }
  }

  async function dispatch(
    service: LocalAwsService,
    body: string,
    accessKeyId: string,
    request: Request,
    session?: LocalSession,
  ): Promise<Response> {
    if (service === "cloudtrail") {
      const answer = await executeCloudTrailAction({
        target: request.headers.get("x-amz-target"),
        body,
        context: async () => {
          const db = await deps.db();
          const accountId = await deps.accountId(db);
          return { accountId, listTrails: () => deps.listTrails(db, accountId) };
        },
      });
      const headers = {
        ...JSON_HEADERS,
        "x-amzn-requestid": answer.requestId,
        ...(answer.errorType ? { "x-amzn-errortype": answer.errorType } : {}),
      };
      return new Response(answer.body, { status: answer.status, headers });
    }
    const answer: XmlAnswer =
      service === "iam"
        ? await executeIamAction({
            body,
            context: async () => {
              const db = await deps.db();
              return { db, accountId: await deps.accountId(db), partition: deps.partition ?? "aws", limits };
            },
          })
        : await executeStsAction({
            body,
            accessKeyId,
            session,
            context: async () => {
              const db = await deps.db();
              const accountId = await deps.accountId(db);
              return {
                accountId,
                partition: deps.partition,
                propagationDelayMs: deps.stsPropagationDelayMs,
                findRole: async (arn) => {
                  const row = await db.localIamRole.findFirst({ where: { arn, accountId } });
                  return (
                    row && {
                      arn: row.arn,
                      id: row.id,
                      trustPolicy: row.assumeRolePolicyDocument,
                      maxSessionDuration: row.maxSessionDuration,
                      createdAt: row.createdAt,
                    }
                  );
                },
              };
            },
          });
    return new Response(answer.body, { status: answer.status, headers: { ...XML_HEADERS, "x-amzn-requestid": answer.requestId } });
  }

  function failure(service: LocalAwsService, error: unknown): Response {
    const requestId = randomUUID();
    const auth = authFailure(error, service === "cloudtrail" ? "json" : "query");
    if (service === "cloudtrail") {
      const answer = auth
        ? { status: auth.status, body: JSON.stringify({ __type: auth.code, message: auth.message }), errorType: auth.code }
        : cloudTrailErrorAnswer(error, requestId);
      return new Response(answer.body, {
        status: answer.status,
        headers: { ...JSON_HEADERS, "x-amzn-requestid": requestId, "x-amzn-errortype": answer.errorType },
      });
    }
    const namespace = service === "sts" ? STS_NAMESPACE : undefined;
    const answer = auth
      ? { status: auth.status, body: queryErrorXml({ type: "Sender", code: auth.code, message: auth.message }, requestId, namespace) }
      : iamErrorAnswer(error, requestId);
    return new Response(answer.body, { status: answer.status, headers: { ...XML_HEADERS, "x-amzn-requestid": requestId } });
  }

  return handle;
}
