import type { Actor } from "./actors";
import { assumedRoleArn, buildRecord, type BuildContext } from "./build-record";
import { TEMPLATES } from "./templates";

/**
 * Records that trip naive readers, serialized (some with JSON escapes a plain serializer never
 * writes). `own` tells whether the record is the target's own call, for the manifest.
 */
export function trickyRecord(kind: number, target: Actor, other: Actor, c: BuildContext): { json: string; own: boolean } {
  const session = target.sessions[0] ?? "s";
  switch (kind % 9) {
    case 0: {
      // A service assumes the target role: its ARN in requestParameters, resources and responseElements.
      const r = buildRecord({ ...other, kind: "service", arn: "ecs-tasks.amazonaws.com" }, TEMPLATES["sts:GetCallerIdentity"], c, {
        denied: false,
      });
      Object.assign(r, {
        eventSource: "sts.amazonaws.com",
        eventName: "AssumeRole",
        requestParameters: { roleArn: target.arn, roleSessionName: session },
        responseElements: {
          credentials: { accessKeyId: "ASIAXXXXXXXXXXXXXXXX", expiration: "Jan 1, 2030 12:00:00 AM" },
          assumedRoleUser: { assumedRoleId: `${target.principalId}:${session}`, arn: assumedRoleArn(target, session) },
        },
        resources: [{ accountId: target.account, type: "AWS::IAM::Role", ARN: target.arn }],
      });
      return { json: JSON.stringify(r), own: false };
    }
    case 1: {
      // Someone else reads the role: nested `arn` fields equal to the target's ARN.
      const r = buildRecord(other, TEMPLATES["iam:GetRole"], c, { denied: false });
      r.requestParameters = { roleName: target.name };
      r.responseElements = {
        role: { path: "/", roleName: target.name, roleId: target.principalId, arn: target.arn, sessionIssuer: { arn: target.arn } },
      };
      return { json: JSON.stringify(r), own: false };
    }
    case 2:
      // The target's own call, written with "\/" escapes.
      return {
        json: JSON.stringify(buildRecord(target, TEMPLATES["s3:GetBucketLocation"], c, { denied: false })).replace(/\//g, "\\/"),
        own: true,
      };
    case 3:
      // The target's own call, every "/" a unicode escape (mixed case hex).
      return {
        json: JSON.stringify(buildRecord(target, TEMPLATES["dynamodb:DescribeTable"], c, { denied: false })).replace(/\//g, () =>
          c.rng.chance(0.5) ? "\\u002f" : "\\u002F",
        ),
        own: true,
      };
    case 4: {
      // A policy document (a JSON string inside JSON) that names the target role.
      const r = buildRecord(other, TEMPLATES["iam:CreatePolicy"], c, { denied: false });
      r.requestParameters = {
        policyName: "allow-pass",
        policyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "iam:PassRole",
              Resource: target.arn,
              Condition: { StringEquals: { "aws:PrincipalArn": `${target.arn}\\"` } },
            },
          ],
        }),
      };
      return { json: JSON.stringify(r), own: false };
    }
    case 5: {
      // Someone else is denied assuming the target role: its ARN in errorMessage.
      const r = buildRecord(other, TEMPLATES["sts:GetCallerIdentity"], c, { denied: true });
      r.eventName = "AssumeRole";
      r.errorMessage = `User: ${other.arn} is not authorized to perform: sts:AssumeRole on resource: ${target.arn}`;
      r.requestParameters = { roleArn: target.arn, roleSessionName: "probe" };
      return { json: JSON.stringify(r), own: false };
    }
    case 6: {
      // Not an AssumedRole identity although the issuer is the target: must not match.
      const r = buildRecord(target, TEMPLATES["sqs:ReceiveMessage"], c, { denied: false });
      (r.userIdentity as Record<string, unknown>).type = "WebIdentityUser";
      return { json: JSON.stringify(r), own: false };
    }
    case 7: {
      // The target's own call with non-ASCII written as \u escapes in unrelated fields.
      const r = buildRecord(target, TEMPLATES["kms:Decrypt"], c, { denied: false });
      r.userAgent = "custom-agent/1.0 (Zürich; 東京)";
      return {
        json: JSON.stringify(r).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`),
        own: true,
      };
    }
    default: {
      // The target's session chains into another role: its own AssumeRole call.
      const r = buildRecord(target, TEMPLATES["sts:GetCallerIdentity"], c, { denied: false });
      r.eventName = "AssumeRole";
      r.requestParameters = {
        roleArn: other.arn.includes(":role/") ? other.arn : `arn:aws:iam::${c.account}:role/chained`,
        roleSessionName: session,
        sourceIdentity: target.arn,
      };
      return { json: JSON.stringify(r), own: true };
    }
  }
}
