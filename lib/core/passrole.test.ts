import { describe, expect, it } from "vitest";
import { getActionInfo } from "./catalog";
import { extractPassedRoles, mergePassRole, PASS_ROLE_TRIGGERS, passRoleStatements } from "./passrole";

const A = "123456789012";
const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;
const profile = (name: string) => `arn:aws:iam::${A}:instance-profile/${name}`;

describe("extractPassedRoles", () => {
  it.each([
    ["lambda:CreateFunction", { functionName: "f", role: role("exec") }, [{ arn: role("exec"), kind: "role" }]],
    ["lambda:UpdateFunctionConfiguration", { role: role("service-role/exec") }, [{ arn: role("service-role/exec"), kind: "role" }]],
    ["ec2:RunInstances", { iamInstanceProfile: { arn: profile("web") } }, [{ arn: profile("web"), kind: "instance-profile" }]],
    ["ec2:RunInstances", { iamInstanceProfile: { name: "web" } }, [{ arn: profile("web"), kind: "instance-profile" }]],
    ["autoscaling:CreateLaunchConfiguration", { iamInstanceProfile: "web" }, [{ arn: profile("web"), kind: "instance-profile" }]],
    ["ecs:RegisterTaskDefinition", { taskRoleArn: role("task"), executionRoleArn: role("exec") }, [{ arn: role("exec"), kind: "role" }, { arn: role("task"), kind: "role" }]],
    ["ecs:RunTask", { overrides: { taskRoleArn: role("override"), executionRoleArn: role("exec2") } }, [{ arn: role("exec2"), kind: "role" }, { arn: role("override"), kind: "role" }]],
    ["cloudformation:CreateStack", { stackName: "s", roleARN: role("cfn") }, [{ arn: role("cfn"), kind: "role" }]],
    ["states:CreateStateMachine", { roleArn: role("sfn") }, [{ arn: role("sfn"), kind: "role" }]],
    ["glue:CreateJob", { role: "GlueRole" }, [{ arn: role("GlueRole"), kind: "role" }]],
    ["sagemaker:CreateTrainingJob", { roleArn: role("sm") }, [{ arn: role("sm"), kind: "role" }]],
    ["codebuild:CreateProject", { serviceRole: role("cb") }, [{ arn: role("cb"), kind: "role" }]],
    ["events:PutTargets", { targets: [{ id: "1", arn: "arn:aws:sqs:us-east-1:123456789012:q", roleArn: role("ev") }] }, [{ arn: role("ev"), kind: "role" }]],
    ["apigateway:PUT", { restApiId: "a1", httpMethod: "GET", credentials: role("apigw") }, [{ arn: role("apigw"), kind: "role" }]],
    ["apigateway:PUT", { credentials: "arn:aws:iam::*:user/*" }, []],
    // not a trigger, or nothing role-like
    ["lambda:GetFunction", { role: role("exec") }, []],
    ["lambda:CreateFunction", { functionName: "f" }, []],
    ["events:PutTargets", { targets: [{ arn: "arn:aws:lambda:us-east-1:123456789012:function:f" }] }, []],
    ["lambda:CreateFunction", { role: "arn:aws:s3:::not-a-role" }, []],
  ])("%s %j", (action, params, expected) => {
    expect(extractPassedRoles(action, { requestParameters: params }, "aws", A)).toEqual(expected);
  });
});

describe("PASS_ROLE_TRIGGERS", () => {
  it.each([...PASS_ROLE_TRIGGERS])("%s is a catalog action", (action) => expect(getActionInfo(action)?.name).toBe(action));
});

describe("mergePassRole", () => {
  it("sums calls, unions the actions and keeps the latest time", () => {
    const a = { roleArn: role("r"), viaActions: ["lambda:CreateFunction"], calls: 2, lastSeen: "2026-05-02T00:00:00.000Z", kind: "role" as const };
    const b = { roleArn: role("r"), viaActions: ["ecs:RunTask", "lambda:CreateFunction"], calls: 1, lastSeen: "2026-05-03T00:00:00.000Z", kind: "role" as const };
    expect(mergePassRole(a, b)).toEqual({ roleArn: role("r"), viaActions: ["ecs:RunTask", "lambda:CreateFunction"], calls: 3, lastSeen: "2026-05-03T00:00:00.000Z", kind: "role" });
    expect(mergePassRole(b, a)).toEqual(mergePassRole(a, b));
  });
});

describe("passRoleStatements", () => {
  const sug = (arn: string, viaActions: string[], kind: "role" | "instance-profile" = "role") => ({ roleArn: arn, viaActions, calls: 1, lastSeen: "2026-05-01T00:00:00.000Z", kind });
  it("groups roles by the services they were passed to", () => {
    const out = passRoleStatements([
      sug(role("fn-a"), ["lambda:CreateFunction"]),
      sug(role("fn-b"), ["lambda:UpdateFunctionConfiguration"]),
      sug(role("task"), ["ecs:RegisterTaskDefinition", "ecs:RunTask"]),
      sug(role("odd"), ["eks:CreateNodegroup"]),
      sug(profile("web"), ["ec2:RunInstances"], "instance-profile"),
    ]);
    expect(out.needsRole).toEqual([profile("web")]);
    expect(out.statements).toEqual([
      { Sid: "SuggestedPassRole0", Effect: "Allow", Action: "iam:PassRole", Resource: role("odd") },
      { Sid: "SuggestedPassRole1", Effect: "Allow", Action: "iam:PassRole", Resource: role("task"), Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } },
      { Sid: "SuggestedPassRole2", Effect: "Allow", Action: "iam:PassRole", Resource: [role("fn-a"), role("fn-b")], Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } },
    ]);
  });
  it("returns nothing for nothing", () => expect(passRoleStatements([])).toEqual({ statements: [], needsRole: [] }));
});
