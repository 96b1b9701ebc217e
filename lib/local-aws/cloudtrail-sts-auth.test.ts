// CloudTrail JSON and STS through their real SDK clients, protocol corner cases with raw signed
// requests, and the authentication refusals of all three services.
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTrailsCommand,
} from "@aws-sdk/client-cloudtrail";
import { IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { registerTrail } from "@/lib/trails/register-trail";
import { localTrailsRoot } from "@/lib/trails/resolve-local-trail-path";
import { ensureLocalAccount } from "./ensure-local-account";
import { signedFetch } from "./testing/signed-fetch";
import { getDb, startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";
import { rejection } from "./testing/rejection";
import { revokeTestKey } from "./testing/issue-test-key";

describe("local CloudTrail, STS and authentication", () => {
  let f: LocalAwsFixture;
  let account: string;
  const trailArn = (name: string, acct = account) => `arn:aws:cloudtrail:us-east-1:${acct}:trail/${name}`;

  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
    account = await ensureLocalAccount(await getDb());
    await registerTrail({ arn: trailArn("org-logs"), source: { kind: "s3", bucket: "central-trail-bucket", prefix: "prod" } });
    await registerTrail({ arn: trailArn("dev-logs"), source: { kind: "local", dir: join(localTrailsRoot(), "dev-logs") } });
    await registerTrail({ arn: trailArn("elsewhere", "999988887777"), source: { kind: "s3", bucket: "other-account-bucket" } });
  });
  afterAll(() => f?.stop());

  it("lists and describes the local account's trails only", async () => {
    const listed = await f.cloudTrail.send(new ListTrailsCommand({}));
    expect(listed.Trails).toEqual([
      { TrailARN: trailArn("dev-logs"), Name: "dev-logs", HomeRegion: "us-east-1" },
      { TrailARN: trailArn("org-logs"), Name: "org-logs", HomeRegion: "us-east-1" },
    ]);
    const described = await f.cloudTrail.send(new DescribeTrailsCommand({}));
    expect(described.trailList?.map((t) => [t.Name, t.S3BucketName, t.S3KeyPrefix])).toEqual([
      ["dev-logs", `leastwise-local-${account}`, undefined],
      ["org-logs", "central-trail-bucket", "prod"],
    ]);
    const some = await f.cloudTrail.send(new DescribeTrailsCommand({ trailNameList: ["org-logs", trailArn("dev-logs"), "unknown-trail"] }));
    expect(some.trailList?.map((t) => t.Name)).toEqual(["org-logs", "dev-logs"]);
  });

  it("gets a trail by name or ARN and its status", async () => {
    expect((await f.cloudTrail.send(new GetTrailCommand({ Name: "org-logs" }))).Trail?.TrailARN).toBe(trailArn("org-logs"));
    expect((await f.cloudTrail.send(new GetTrailCommand({ Name: trailArn("org-logs") }))).Trail?.S3BucketName).toBe("central-trail-bucket");
    expect((await f.cloudTrail.send(new GetTrailStatusCommand({ Name: "dev-logs" }))).IsLogging).toBe(true);
  });

  it.each([
    ["an unknown trail", "no-such-trail", "TrailNotFoundException", /Unknown trail: no-such-trail/],
    ["another account's trail", `arn:aws:cloudtrail:us-east-1:999988887777:trail/elsewhere`, "TrailNotFoundException", /Unknown trail/],
    ["a malformed ARN", "arn:aws:cloudtrail:us-east-1:12:trail/x", "CloudTrailARNInvalidException", /not a valid trail ARN/],
    ["a name with a space", "bad name", "InvalidTrailNameException", /can only contain/],
  ])("GetTrail refuses %s", async (_, name, error, message) => {
    const e = await rejection(f.cloudTrail.send(new GetTrailCommand({ Name: name })));
    expect(e).toMatchObject({ name: error, status: 400 });
    expect(e.message).toMatch(message);
  });

  it("refuses a NextToken it never issued", async () => {
    expect(await rejection(f.cloudTrail.send(new ListTrailsCommand({ NextToken: "bogus" })))).toMatchObject({
      name: "InvalidNextTokenException",
      status: 400,
    });
  });

  it("answers protocol errors in each protocol's shape", async () => {
    const ct = (target: string, body: string) =>
      signedFetch({
        url: `${f.server.origin}/local-aws/cloudtrail`,
        service: "cloudtrail",
        body,
        credentials: f.credentials,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
      });
    const unknownOp = await ct("CloudTrail_20131101.DeleteTrail", "{}");
    expect(unknownOp.status).toBe(400);
    expect(unknownOp.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(await unknownOp.json()).toMatchObject({ __type: "UnknownOperationException" });
    const notJson = await ct("CloudTrail_20131101.ListTrails", "{nope");
    expect(await notJson.json()).toMatchObject({ __type: "SerializationException" });

    const iam = (body: string) =>
      signedFetch({
        url: `${f.server.origin}/local-aws/iam`,
        service: "iam",
        body,
        credentials: f.credentials,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const unknownAction = await iam("Action=CreateAccessKey&Version=2010-05-08");
    expect(unknownAction.status).toBe(400);
    const xml = await unknownAction.text();
    expect(xml).toMatch(
      /<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation CreateAccessKey for version 2010-05-08<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
    expect(await (await iam("Version=2010-05-08")).text()).toContain("<Code>MissingAction</Code>");
    expect((await fetch(`${f.server.origin}/local-aws/iam`)).status).toBe(405);
    expect((await fetch(`${f.server.origin}/local-aws/nothing`, { method: "POST" })).status).toBe(404);
  });

  it("answers GetCallerIdentity with the local account", async () => {
    const who = await f.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: account, Arn: `arn:aws:iam::${account}:root`, UserId: f.credentials.accessKeyId });
  });

  describe("authentication", () => {
    const endpoint = (s: string) => `${f.server.origin}/local-aws/${s}`;

    it("refuses unsigned requests", async () => {
      const res = await fetch(endpoint("iam"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "Action=ListRoles&Version=2010-05-08",
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/<Code>(MissingAuthenticationToken|IncompleteSignature)<\/Code>/);
      const ct = await fetch(endpoint("cloudtrail"), {
        method: "POST",
        headers: { "x-amz-target": "CloudTrail_20131101.ListTrails" },
        body: "{}",
      });
      expect(ct.status).toBe(403);
      expect((await ct.json()).__type).toMatch(/MissingAuthenticationToken|IncompleteSignature/);
    });

    it("refuses a wrong secret and an unknown key in every service", async () => {
      const wrong = { accessKeyId: f.credentials.accessKeyId, secretAccessKey: "wrong" };
      const unknown = { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "whatever" };
      const iam = (credentials: typeof wrong) =>
        new IAMClient({ endpoint: endpoint("iam"), region: "us-east-1", credentials, maxAttempts: 1 });
      const ct = (credentials: typeof wrong) =>
        new CloudTrailClient({ endpoint: endpoint("cloudtrail"), region: "us-east-1", credentials, maxAttempts: 1 });
      expect(await rejection(iam(wrong).send(new ListRolesCommand({})))).toMatchObject({ name: "SignatureDoesNotMatch", status: 403 });
      expect(await rejection(iam(unknown).send(new ListRolesCommand({})))).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
      expect(await rejection(ct(wrong).send(new ListTrailsCommand({})))).toMatchObject({ name: "InvalidSignatureException", status: 403 });
      expect(await rejection(ct(unknown).send(new ListTrailsCommand({})))).toMatchObject({
        name: "UnrecognizedClientException",
        status: 403,
      });
    });

    it("refuses a key signed for another service", async () => {
      const res = await signedFetch({
        url: endpoint("iam"),
        service: "cloudtrail",
        body: "Action=ListRoles&Version=2010-05-08",
        credentials: f.credentials,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status).toBe(403);
    });

    it("refuses a revoked key", async () => {
      await revokeTestKey(f.credentials.accessKeyId);
      expect(await rejection(f.iam.send(new ListRolesCommand({})))).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
    });
  });
});
