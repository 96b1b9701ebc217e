import { describe, expect, it } from "vitest";
import { resolvePartition, templateRegex, templateVariables } from "./arn-template";

describe("templateRegex", () => {
  it.each([
    ["arn:aws:s3:::${BucketName}", "arn:aws:s3:::my-bucket", true],
    ["arn:aws:s3:::${BucketName}", "arn:aws:s3:::my-bucket/key", false],
    ["arn:aws:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::b/a/b/c.txt", true],
    ["arn:aws:iam::${Account}:role/${RoleNameWithPath}", "arn:aws:iam::123456789012:role/service-role/R", true],
    [
      "arn:aws:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}",
      "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/url",
      true,
    ],
    ["arn:aws:logs:${Region}:${Account}:log-group:${LogGroupName}", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f", true],
    [
      "arn:aws:logs:${Region}:${Account}:log-group:${LogGroupName}",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f:log-stream:s",
      false,
    ],
    [
      "arn:aws:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}",
      "arn:aws:logs:eu-west-1:123456789012:log-group:/g:log-stream:2026/05/01/x",
      true,
    ],
    [
      "arn:aws:secretsmanager:${Region}:${Account}:secret:${SecretId}",
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123",
      true,
    ],
    ["arn:aws:ecr:${Region}:${Account}:repository/${RepositoryName}", "arn:aws:ecr:eu-west-1:123456789012:repository/team/orders", true],
    ["arn:aws:ec2:${Region}::image/${ImageId}", "arn:aws:ec2:us-east-1::image/ami-1", true],
    ["arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}", "arn:aws:ec2:us-east-1:123456789012:volume/vol-1", false],
    ["arn:aws:lambda:${Region}:${Account}:function:${FunctionName}", "arn:aws:lambda:us-east-1:123456789012:function:f", true],
  ])("%s ~ %s: %s", (template, arn, fits) => {
    expect(templateRegex(template).test(arn)).toBe(fits);
  });
});

describe("template helpers", () => {
  it("resolves only the partition", () => {
    expect(resolvePartition("arn:${Partition}:s3:::${BucketName}", "aws-cn")).toBe("arn:aws-cn:s3:::${BucketName}");
  });
  it("lists variables", () => {
    expect(templateVariables("arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}")).toEqual(["Region", "Account", "InstanceId"]);
  });
});
