import { describe, expect, it } from "vitest";
import { parsePrincipalArn } from "./arn";
import { recordMatchesPrincipal } from "./principal";
import { ACCOUNT, ROLE_ARN, roleEvent, USER_ARN, userEvent } from "./testdata/records";
import type { CloudTrailRecord } from "./types";

const role = parsePrincipalArn(ROLE_ARN);
const user = parsePrincipalArn(USER_ARN);
const identity = (i: Record<string, unknown>) => ({ userIdentity: i }) as Partial<CloudTrailRecord>;

describe("recordMatchesPrincipal", () => {
  it.each<[string, CloudTrailRecord, boolean, boolean]>([
    ["a session of the role (path included)", roleEvent(), true, false],
    [
      "another session of the same role",
      roleEvent(
        identity({
          type: "AssumedRole",
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AppRole/other`,
          sessionContext: { sessionIssuer: { arn: ROLE_ARN } },
        }),
      ),
      true,
      false,
    ],
    [
      "a forward-access call a service made with the role's session (invokedBy)",
      roleEvent(identity({ type: "AssumedRole", invokedBy: "s3.amazonaws.com", sessionContext: { sessionIssuer: { arn: ROLE_ARN } } })),
      true,
      false,
    ],
    [
      "the same role name without its path",
      roleEvent(identity({ type: "AssumedRole", sessionContext: { sessionIssuer: { arn: `arn:aws:iam::${ACCOUNT}:role/AppRole` } } })),
      false,
      false,
    ],
    [
      "another role",
      roleEvent(
        identity({ type: "AssumedRole", sessionContext: { sessionIssuer: { arn: `arn:aws:iam::${ACCOUNT}:role/service-role/Other` } } }),
      ),
      false,
      false,
    ],
    ["the role's ARN as userIdentity.arn of a non-session type", roleEvent(identity({ type: "IAMUser", arn: ROLE_ARN })), false, false],
    ["an AWSService identity", roleEvent(identity({ type: "AWSService", invokedBy: "lambda.amazonaws.com" })), false, false],
    ["the user", userEvent(), false, true],
    ["the user's ARN but type AssumedRole", roleEvent(identity({ type: "AssumedRole", arn: USER_ARN })), false, false],
    ["another user", userEvent(identity({ type: "IAMUser", arn: `arn:aws:iam::${ACCOUNT}:user/bob` })), false, false],
    ["no userIdentity", roleEvent({ userIdentity: undefined }), false, false],
    [
      "the role's ARN only inside requestParameters",
      roleEvent({ ...identity({ type: "Root", arn: `arn:aws:iam::${ACCOUNT}:root` }), requestParameters: { roleArn: ROLE_ARN } }),
      false,
      false,
    ],
  ])("%s", (_name, record, matchesRole, matchesUser) => {
    expect(recordMatchesPrincipal(record, role)).toBe(matchesRole);
    expect(recordMatchesPrincipal(record, user)).toBe(matchesUser);
  });
});
