import { describe, expect, it } from "vitest";
import { derivedArns } from "./derived-arns";

const A = "123456789012";
const rec = (eventSource: string, eventName: string, requestParameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  eventSource: `${eventSource}.amazonaws.com`,
  eventName,
  awsRegion: "eu-west-1",
  recipientAccountId: A,
  requestParameters,
  ...extra,
});

describe("derivedArns", () => {
  it.each([
    [rec("lambda", "GetFunction20150331v2", { functionName: "orders-api" }), [`arn:aws:lambda:eu-west-1:${A}:function:orders-api`]],
    [rec("lambda", "GetFunction20150331v2", { functionName: `arn:aws:lambda:eu-west-1:${A}:function:f` }), []], // already an ARN
    [rec("lambda", "GetFunction20150331v2", { functionName: `${A}:function:f` }), []], // partial ARN: left alone
    [
      rec("sqs", "SendMessage", { queueUrl: `https://sqs.us-east-2.amazonaws.com/${A}/jobs.fifo` }),
      [`arn:aws:sqs:us-east-2:${A}:jobs.fifo`],
    ],
    [rec("sqs", "SendMessage", { queueUrl: "https://example.com/q" }), []],
    [rec("dynamodb", "DescribeTable", { tableName: "Orders" }), [`arn:aws:dynamodb:eu-west-1:${A}:table/Orders`]],
    [rec("s3", "GetBucketLocation", { bucketName: "my-bucket" }), ["arn:aws:s3:::my-bucket"]],
    [rec("s3", "GetObject", { bucketName: "my-bucket", key: "a/b c.txt" }), ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/a/b c.txt"]],
    // DeleteObjects: the logged keys, else every object of the bucket (never "*")
    [rec("s3", "DeleteObjects", { bucketName: "my-bucket", delete: "" }), ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]],
    [
      rec("s3", "DeleteObjects", { bucketName: "my-bucket", delete: { Object: [{ Key: "a.txt" }, { Key: "d/b.txt" }] } }),
      ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/a.txt", "arn:aws:s3:::my-bucket/d/b.txt"],
    ],
    [
      rec("s3", "DeleteObjects", { bucketName: "my-bucket", Delete: { Object: { Key: "one" } } }),
      ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/one"],
    ],
    [
      rec("logs", "CreateLogStream", { logGroupName: "/aws/lambda/f", logStreamName: "2026/05/01/x" }),
      [
        `arn:aws:logs:eu-west-1:${A}:log-group:/aws/lambda/f`,
        `arn:aws:logs:eu-west-1:${A}:log-group:/aws/lambda/f:log-stream:2026/05/01/x`,
      ],
    ],
    [rec("ssm", "GetParameter", { name: "/app/db/url" }), [`arn:aws:ssm:eu-west-1:${A}:parameter/app/db/url`]],
    [
      rec("ssm", "GetParameters", { names: ["flags", "/x/y"] }),
      [`arn:aws:ssm:eu-west-1:${A}:parameter/flags`, `arn:aws:ssm:eu-west-1:${A}:parameter/x/y`],
    ],
    [rec("ssm", "SendCommand", { name: "AWS-RunShellScript" }), []], // a document, not a parameter
    [
      rec("kms", "Decrypt", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
      [`arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ],
    [rec("kms", "GenerateDataKey", { keyId: "alias/app-1" }), [`arn:aws:kms:eu-west-1:${A}:alias/app-1`]],
    [rec("ecr", "BatchGetImage", { repositoryName: "team/orders" }), [`arn:aws:ecr:eu-west-1:${A}:repository/team/orders`]],
    [rec("codebuild", "StartBuild", { projectName: "orders" }), [`arn:aws:codebuild:eu-west-1:${A}:project/orders`]],
    [rec("iam", "GetRole", { roleName: "r" }), []], // the path is unknown
    [rec("lambda", "GetFunction", { functionName: "f" }, { awsRegion: undefined }), []],
    [
      rec("lambda", "GetFunction", { functionName: "f" }, { recipientAccountId: undefined }),
      [`arn:aws:lambda:eu-west-1:999999999999:function:f`],
    ],
  ])("%j", (record, expected) => {
    expect(derivedArns(record, "aws", "999999999999")).toEqual(expected);
  });

  it("uses the principal's partition", () => {
    expect(derivedArns(rec("dynamodb", "GetItem", { tableName: "T" }, { awsRegion: "cn-north-1" }), "aws-cn", A)).toEqual([
      `arn:aws-cn:dynamodb:cn-north-1:${A}:table/T`,
    ]);
  });
});
