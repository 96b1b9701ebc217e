// The STS actions the local account answers: GetCallerIdentity (Leastwise keys act as the account's
// root identity; a session as its assumed role) and AssumeRole, which evaluates the role's trust
// policy as STS does and issues temporary credentials (session-credentials.ts). IAM's propagation
// delay can be simulated: a role younger than `propagationDelayMs` is refused with the same
// AccessDenied real STS gives for a just-created role.
import { randomUUID } from "node:crypto";
import { trustsPrincipal } from "@/lib/iam/service-role-policies";
import { QueryParams } from "../protocol/query-params";
import { queryErrorXml, queryResponseXml, STS_NAMESPACE } from "../protocol/xml";
import type { XmlAnswer } from "../iam/execute-iam-action";
import { issueSessionCredentials, type LocalSession } from "./session-credentials";

export interface StsRole {
  arn: string;
  id: string;
  trustPolicy: string;
  maxSessionDuration: number;
  createdAt: Date;
}

export interface StsContext {
  accountId: string;
  partition?: string;
  findRole(arn: string): Promise<StsRole | null>;
  /** simulate IAM's eventual consistency: roles younger than this cannot be assumed yet */
  propagationDelayMs?: number;
  now?: () => Date;
}

class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export async function executeStsAction(options: {
  body: string;
  accessKeyId: string;
  session?: LocalSession;
  context: () => Promise<StsContext>;
}): Promise<XmlAnswer> {
  const requestId = randomUUID();
  const params = new QueryParams(options.body);
  const action = params.action;
  try {
    const ctx = await options.context();
    const partition = ctx.partition ?? "aws";
    const caller = options.session
      ? {
          userId: `${options.session.roleId}:${options.session.sessionName}`,
          arn: `arn:${partition}:sts::${ctx.accountId}:assumed-role/${roleNameOf(options.session.roleArn)}/${options.session.sessionName}`,
          // trust policies name the role, not the session
          trustArn: options.session.roleArn,
          parentAccessKeyId: options.session.parentAccessKeyId,
        }
      : {
          userId: options.accessKeyId,
          arn: `arn:${partition}:iam::${ctx.accountId}:root`,
          trustArn: `arn:${partition}:iam::${ctx.accountId}:root`,
          parentAccessKeyId: options.accessKeyId,
        };
    if (action === "GetCallerIdentity") {
      return ok(action, { UserId: caller.userId, Account: ctx.accountId, Arn: caller.arn }, requestId);
    }
    if (action === "AssumeRole") {
      const roleArn = params.string("RoleArn");
      const sessionName = params.string("RoleSessionName");
      const duration = params.integer("DurationSeconds") ?? 3600;
      if (!roleArn)
        throw new StsError(
          "ValidationError",
          "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
        );
      if (!sessionName)
        throw new StsError(
          "ValidationError",
          "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
        );
      if (!SESSION_NAME.test(sessionName)) {
        throw new StsError(
          "ValidationError",
          `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
        );
      }
      if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
        throw new StsError(
          "ValidationError",
          `1 validation error detected: Value '${params.string("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
        );
      }
      const denied = new StsError(
        "AccessDenied",
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        403,
      );
      const role = await ctx.findRole(roleArn);
      if (!role || !trustsPrincipal(role.trustPolicy, caller.trustArn)) throw denied;
      const now = ctx.now?.() ?? new Date();
      if (ctx.propagationDelayMs && now.getTime() - role.createdAt.getTime() < ctx.propagationDelayMs) throw denied;
      // Role chaining (a session assuming a role) is limited to one hour, as in STS.
      const max = options.session ? 3600 : role.maxSessionDuration;
      if (duration > max) {
        throw new StsError(
          "ValidationError",
          `The requested DurationSeconds exceeds the ${options.session ? "1 hour session limit for roles assumed by role chaining" : "MaxSessionDuration set for this role"}.`,
        );
      }
      const credentials = issueSessionCredentials({
        parentAccessKeyId: caller.parentAccessKeyId,
        roleArn: role.arn,
        roleId: role.id,
        sessionName,
        expiresAt: new Date(now.getTime() + duration * 1000),
      });
      return ok(
        action,
        {
          Credentials: credentials,
          AssumedRoleUser: {
            AssumedRoleId: `${role.id}:${sessionName}`,
            Arn: `arn:${partition}:sts::${ctx.accountId}:assumed-role/${roleNameOf(role.arn)}/${sessionName}`,
          },
        },
        requestId,
      );
    }
    const message = action ? `Could not find operation ${action} for version 2011-06-15` : "Missing Action parameter.";
    throw new StsError(action ? "InvalidAction" : "MissingAction", message);
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    return {
      status: error.status,
      body: queryErrorXml({ type: "Sender", code: error.code, message: error.message }, requestId, STS_NAMESPACE),
      requestId,
    };
  }
}

function ok(action: string, result: Parameters<typeof queryResponseXml>[1], requestId: string): XmlAnswer {
  return { status: 200, body: queryResponseXml(action, result, requestId, STS_NAMESPACE), requestId };
}
