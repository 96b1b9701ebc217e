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
    [
      "ecs:RegisterTaskDefinition",
      { taskRoleArn: role("task"), executionRoleArn: role("exec") },
      [
        { arn: role("exec"), kind: "role" },
        { arn: role("task"), kind: "role" },
      ],
    ],
    [
      "ecs:RunTask",
      { overrides: { taskRoleArn: role("override"), executionRoleArn: role("exec2") } },
      [
        { arn: role("exec2"), kind: "role" },
        { arn: role("override"), kind: "role" },
      ],
    ],
    ["cloudformation:CreateStack", { stackName: "s", roleARN: role("cfn") }, [{ arn: role("cfn"), kind: "role" }]],
    ["states:CreateStateMachine", { roleArn: role("sfn") }, [{ arn: role("sfn"), kind: "role" }]],
    ["glue:CreateJob", { role: "GlueRole" }, [{ arn: role("GlueRole"), kind: "role" }]],
    ["sagemaker:CreateTrainingJob", { roleArn: role("sm") }, [{ arn: role("sm"), kind: "role" }]],
    ["codebuild:CreateProject", { serviceRole: role("cb") }, [{ arn: role("cb"), kind: "role" }]],
    [
      "events:PutTargets",
      { targets: [{ id: "1", arn: "arn:aws:sqs:us-east-1:123456789012:q", roleArn: role("ev") }] },
      [{ arn: role("ev"), kind: "role" }],
    ],
    ["apigateway:PUT", { restApiId: "a1", httpMethod: "GET", credentials: role("apigw") }, [{ arn: role("apigw"), kind: "role" }]],
    ["apigateway:PUT", { credentials: "arn:aws:iam::*:user/*" }, []],
    // not a trigger, or nothing role-like
    ["lambda:GetFunction", { role: role("exec") }, []],
    ["lambda:CreateFunction", { functionName: "f" }, []],
    ["events:PutTargets", { targets: [{ arn: "arn:aws:lambda:us-east-1:123456789012:function:f" }] }, []],
    ["lambda:CreateFunction", { role: "arn:aws:s3:::not-a-role" }, []],
  ])("%s %j", (action, params, expected) => {
    expect(extractPassedRoles(action, { requestParameters: params }, "aws", A).map(({ arn, kind }) => ({ arn, kind }))).toEqual(expected);
  });

  it.each([
    // AWS's operation map says to which service the role is passed
    ["lambda:CreateFunction", "CreateFunction20150331", { role: role("exec") }, ["lambda.amazonaws.com"]],
    ["ec2:RunInstances", "RunInstances", { iamInstanceProfile: { arn: profile("web") } }, ["ec2.amazonaws.com"]],
    ["states:CreateStateMachine", "CreateStateMachine", { roleArn: role("sfn") }, ["states.amazonaws.com"]],
    // a call the hand-written trigger list does not name, found through the map
    ["budgets:CreateBudgetAction", "CreateBudgetAction", { executionRoleArn: role("budget") }, ["budgets.amazonaws.com"]],
  ])("%s (%s) passes to %j", (action, eventName, params, services) => {
    const out = extractPassedRoles(action, { eventName, requestParameters: params }, "aws", A);
    expect(out).toHaveLength(1);
    expect(out[0].passedToService).toEqual(services);
  });
});

describe("PASS_ROLE_TRIGGERS", () => {
  it.each([...PASS_ROLE_TRIGGERS])("%s is a catalog action", (action) => expect(getActionInfo(action)?.name).toBe(action));
});

describe("mergePassRole", () => {
  it("sums calls, unions the actions and keeps the latest time", () => {
    const a = {
      roleArn: role("r"),
      viaActions: ["lambda:CreateFunction"],
      calls: 2,
      lastSeen: "2026-05-02T00:00:00.000Z",
      kind: "role" as const,
    };
    const b = {
      roleArn: role("r"),
      viaActions: ["ecs:RunTask", "lambda:CreateFunction"],
      calls: 1,
      lastSeen: "2026-05-03T00:00:00.000Z",
      kind: "role" as const,
    };
    expect(mergePassRole(a, b)).toEqual({
      roleArn: role("r"),
      viaActions: ["ecs:RunTask", "lambda:CreateFunction"],
      calls: 3,
      lastSeen: "2026-05-03T00:00:00.000Z",
      kind: "role",
    });
    expect(mergePassRole(b, a)).toEqual(mergePassRole(a, b));
  });
});

describe("passRoleStatements", () => {
  const sug = (arn: string, viaActions: string[], kind: "role" | "instance-profile" = "role", passedToService?: string[]) => ({
    roleArn: arn,
    viaActions,
    calls: 1,
    lastSeen: "2026-05-01T00:00:00.000Z",
    kind,
    ...(passedToService ? { passedToService } : {}),
  });
  it("groups roles by the services they were passed to, always with iam:PassedToService", () => {
    const out = passRoleStatements([
      sug(role("fn-a"), ["lambda:CreateFunction"]),
      sug(role("fn-b"), ["lambda:UpdateFunctionConfiguration"], "role", ["lambda.amazonaws.com"]),
      sug(role("task"), ["ecs:RegisterTaskDefinition", "ecs:RunTask"]),
      sug(role("odd"), ["eks:CreateNodegroup"]),
      sug(role("ng"), ["eks:CreateNodegroup"], "role", ["eks.amazonaws.com"]),
      sug(profile("web"), ["ec2:RunInstances"], "instance-profile"),
    ]);
    expect(out.needsRole).toEqual([profile("web")]);
    expect(out.needsService).toEqual([role("odd")]);
    expect(out.statements).toEqual([
      {
        Sid: "SuggestedPassRole0",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: role("task"),
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      },
      {
        Sid: "SuggestedPassRole1",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: role("ng"),
        Condition: { StringEquals: { "iam:PassedToService": "eks.amazonaws.com" } },
      },
      {
        Sid: "SuggestedPassRole2",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: [role("fn-a"), role("fn-b")],
        Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
      },
    ]);
    for (const st of out.statements) expect(String(st.Resource)).not.toContain("instance-profile");
  });
  it("resolves an instance profile to its role through the injected lookup", () => {
    const out = passRoleStatements([sug(profile("web"), ["ec2:RunInstances"], "instance-profile")], "P", {
      instanceProfileRole: (arn) => (arn === profile("web") ? role("web-role") : undefined),
    });
    expect(out).toEqual({
      statements: [
        {
          Sid: "P0",
          Effect: "Allow",
          Action: "iam:PassRole",
          Resource: role("web-role"),
          Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        },
      ],
      needsRole: [],
      needsService: [],
    });
    // a lookup that answers something other than a role ARN is not trusted
    expect(
      passRoleStatements([sug(profile("web"), ["ec2:RunInstances"], "instance-profile")], "P", { instanceProfileRole: () => profile("x") })
        .needsRole,
    ).toEqual([profile("web")]);
  });
  it("returns nothing for nothing", () => expect(passRoleStatements([])).toEqual({ statements: [], needsRole: [], needsService: [] }));
});
