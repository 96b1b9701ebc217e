// The local IAM endpoint driven by the real @aws-sdk/client-iam over HTTP: roles, users, paging,
// tags, and the errors IAM returns for each.
import {
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  GetUserCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListUsersCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateRoleDescriptionCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";
import { rejection } from "./testing/rejection";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe.each(["pglite", "postgres"] as const)("local IAM roles and users (%s)", (kind) => {
  let f: LocalAwsFixture;
  let accountId: string;
  beforeAll(async () => {
    f = await startLocalAws({ kind });
    accountId = (await f.sts.send(new GetCallerIdentityCommand({}))).Account!;
  });
  afterAll(() => f?.stop());

  it("answers GetCallerIdentity with the local account", () => {
    expect(accountId).toMatch(/^\d{12}$/);
  });

  it("creates a role with a path, description, tags and trust policy, and reads it back", async () => {
    const created = await f.iam.send(
      new CreateRoleCommand({
        RoleName: "app-Backend",
        Path: "/team/",
        AssumeRolePolicyDocument: TRUST,
        Description: "the backend",
        Tags: [{ Key: "team", Value: "payments" }],
      }),
    );
    expect(created.Role?.Arn).toBe(`arn:aws:iam::${accountId}:role/team/app-Backend`);
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    const { Role } = await f.iam.send(new GetRoleCommand({ RoleName: "app-Backend" }));
    expect(Role).toMatchObject({
      RoleName: "app-Backend",
      Path: "/team/",
      Description: "the backend",
      MaxSessionDuration: 3600,
      Tags: [{ Key: "team", Value: "payments" }],
    });
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
    expect(Role?.RoleLastUsed).toEqual({});
  });

  it("finds roles case-insensitively and refuses a duplicate name in any case", async () => {
    expect((await f.iam.send(new GetRoleCommand({ RoleName: "APP-backend" }))).Role?.RoleName).toBe("app-Backend");
    const e = await rejection(f.iam.send(new CreateRoleCommand({ RoleName: "APP-BACKEND", AssumeRolePolicyDocument: TRUST })));
    expect(e).toMatchObject({ name: "EntityAlreadyExistsException", status: 409, message: "Role with name APP-BACKEND already exists." });
  });

  it.each([
    ["a name with a space", { RoleName: "bad name" }, "ValidationError", 400, /roleName.*regular expression/],
    ["a 65-character name", { RoleName: "r".repeat(65) }, "ValidationError", 400, /length less than or equal to 64/],
    ["a path without a trailing slash", { RoleName: "p1", Path: "/team" }, "ValidationError", 400, /'path'/],
    [
      "a trust policy with a Resource",
      { RoleName: "p2", AssumeRolePolicyDocument: TRUST.replace('"Action"', '"Resource":"*","Action"') },
      "MalformedPolicyDocumentException",
      400,
      /prohibited field Resource/,
    ],
    [
      "a trust policy that is not JSON",
      { RoleName: "p3", AssumeRolePolicyDocument: "{" },
      "MalformedPolicyDocumentException",
      400,
      /invalid Json/,
    ],
    ["an aws: tag", { RoleName: "p4", Tags: [{ Key: "aws:x", Value: "y" }] }, "InvalidInputException", 400, /reserved/],
    [
      "a 1001-character description",
      { RoleName: "p5", Description: "d".repeat(1001) },
      "ValidationError",
      400,
      /less than or equal to 1000/,
    ],
  ])("refuses %s", async (_, input, name, status, message) => {
    const e = await rejection(f.iam.send(new CreateRoleCommand({ AssumeRolePolicyDocument: TRUST, ...input } as never)));
    expect(e).toMatchObject({ name, status });
    expect(e.message).toMatch(message);
  });

  it("answers NoSuchEntity for a role that does not exist", async () => {
    const e = await rejection(f.iam.send(new GetRoleCommand({ RoleName: "nope" })));
    expect(e).toMatchObject({ name: "NoSuchEntityException", status: 404, message: "The role with name nope cannot be found." });
  });

  it("pages through many roles with Marker/MaxItems and filters by path prefix", async () => {
    for (let i = 0; i < 23; i++) {
      await f.iam.send(
        new CreateRoleCommand({
          RoleName: `bulk-${String(i).padStart(2, "0")}`,
          Path: i % 2 ? "/odd/" : "/",
          AssumeRolePolicyDocument: TRUST,
        }),
      );
    }
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await f.iam.send(new ListRolesCommand({ MaxItems: 10, Marker: marker }));
      expect(out.Roles!.length).toBeLessThanOrEqual(10);
      names.push(...out.Roles!.map((r) => r.RoleName!));
      expect(out.IsTruncated).toBe(out.Marker !== undefined);
      marker = out.Marker;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(names.filter((n) => n.startsWith("bulk-"))).toHaveLength(23);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(names);
    const odd = await f.iam.send(new ListRolesCommand({ PathPrefix: "/odd/" }));
    expect(odd.Roles!.map((r) => r.RoleName)).toHaveLength(11);
    expect(odd.IsTruncated).toBe(false);
  });

  it("pages an account of 3,000 roles at the speed of a small one", async () => {
    const db = await getDb();
    await db.localIamRole.createMany({
      data: Array.from({ length: 3000 }, (_, i) => {
        const name = `scale-${String(i).padStart(5, "0")}`;
        return {
          id: `AROASCALE${String(i).padStart(12, "0")}`,
          accountId,
          name,
          nameKey: name,
          path: "/scale/",
          arn: `arn:aws:iam::${accountId}:role/scale/${name}`,
          assumeRolePolicyDocument: TRUST,
        };
      }),
    });
    let marker: string | undefined;
    let seen = 0;
    const timings: number[] = [];
    do {
      const t = performance.now();
      const out = await f.iam.send(new ListRolesCommand({ PathPrefix: "/scale/", MaxItems: 500, Marker: marker }));
      timings.push(performance.now() - t);
      seen += out.Roles!.length;
      marker = out.Marker;
    } while (marker);
    expect(seen).toBe(3000);
    expect(timings).toHaveLength(6);
    // the last page costs about what the first does: a range query, not an offset scan
    expect(Math.max(...timings)).toBeLessThan(3000);
    console.log(`[local-aws] ListRoles of 500 in a 3,000-role account (${kind}): ${timings.map((t) => t.toFixed(0)).join(", ")} ms`);
  });

  it("refuses a forged marker and an out-of-range MaxItems", async () => {
    expect(await rejection(f.iam.send(new ListRolesCommand({ Marker: "not-a-marker" })))).toMatchObject({
      name: "InvalidInputException",
      status: 400,
    });
    expect(await rejection(f.iam.send(new ListRolesCommand({ MaxItems: 1001 })))).toMatchObject({ name: "ValidationError", status: 400 });
  });

  it("tags, lists and untags a role", async () => {
    await f.iam.send(
      new TagRoleCommand({
        RoleName: "app-Backend",
        Tags: [
          { Key: "TEAM", Value: "core" },
          { Key: "env", Value: "prod" },
        ],
      }),
    );
    const tags = await f.iam.send(new ListRoleTagsCommand({ RoleName: "app-Backend" }));
    expect(tags.Tags).toEqual([
      { Key: "TEAM", Value: "core" },
      { Key: "env", Value: "prod" },
    ]);
    await f.iam.send(new UntagRoleCommand({ RoleName: "app-Backend", TagKeys: ["team"] }));
    expect((await f.iam.send(new ListRoleTagsCommand({ RoleName: "app-Backend" }))).Tags).toEqual([{ Key: "env", Value: "prod" }]);
    expect(await rejection(f.iam.send(new TagRoleCommand({ RoleName: "ghost", Tags: [{ Key: "a", Value: "b" }] })))).toMatchObject({
      name: "NoSuchEntityException",
    });
  });

  it("updates a description and deletes a role", async () => {
    await f.iam.send(new UpdateRoleDescriptionCommand({ RoleName: "bulk-00", Description: "new words" }));
    expect((await f.iam.send(new GetRoleCommand({ RoleName: "bulk-00" }))).Role?.Description).toBe("new words");
    await f.iam.send(new DeleteRoleCommand({ RoleName: "bulk-00" }));
    expect(await rejection(f.iam.send(new GetRoleCommand({ RoleName: "bulk-00" })))).toMatchObject({ name: "NoSuchEntityException" });
  });

  it("creates, gets and lists users", async () => {
    const created = await f.iam.send(new CreateUserCommand({ UserName: "alice", Path: "/people/" }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${accountId}:user/people/alice`);
    expect(created.User?.UserId).toMatch(/^AIDA/);
    expect((await f.iam.send(new GetUserCommand({ UserName: "alice" }))).User?.Path).toBe("/people/");
    await f.iam.send(new CreateUserCommand({ UserName: "bob" }));
    const page1 = await f.iam.send(new ListUsersCommand({ MaxItems: 1 }));
    expect(page1.Users!.map((u) => u.UserName)).toEqual(["alice"]);
    const page2 = await f.iam.send(new ListUsersCommand({ MaxItems: 1, Marker: page1.Marker }));
    expect(page2.Users!.map((u) => u.UserName)).toEqual(["bob"]);
    expect(page2.IsTruncated).toBe(false);
    expect(await rejection(f.iam.send(new CreateUserCommand({ UserName: "Alice" })))).toMatchObject({
      name: "EntityAlreadyExistsException",
      status: 409,
    });
    expect(await rejection(f.iam.send(new GetUserCommand({ UserName: "carol" })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
    expect(await rejection(f.iam.send(new GetUserCommand({})))).toMatchObject({ name: "ValidationError", status: 400 });
  });
});
