// User operations: CreateUser, GetUser, ListUsers, DeleteUser and user tags.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IamOperation } from "./context";
import { alreadyExists, deleteConflict, IamError, invalidInput } from "./iam-error";
import { iamArn, iamId } from "./ids";
import { findUser, isUniqueViolation, readTagParams } from "./lookup";
import { listTags, requiredTags } from "./ops-roles";
import { pageResult, readPage } from "./paging";
import { checkName, checkPath, checkPathPrefix, checkTags, mergeTags } from "./rules";
import { pathStartsWith } from "./path-starts-with";
import { tagsOf, userXml } from "./serialize";

const userName = (p: { string(n: string): string | undefined }) => checkName(p.string("UserName"), "userName", 64);

export const createUser: IamOperation = async (ctx, params) => {
  const name = userName(params);
  const path = checkPath(params.string("Path"));
  const tags = checkTags(readTagParams(params));
  if (params.string("PermissionsBoundary") !== undefined) {
    throw invalidInput("Permissions boundaries are not supported by the Leastwise local account.");
  }
  const existing = await ctx.db.localIamUser.findUnique({
    where: { accountId_nameKey: { accountId: ctx.accountId, nameKey: name.toLowerCase() } },
  });
  if (existing) throw alreadyExists(`User with name ${name} already exists.`);
  try {
    const user = await ctx.db.localIamUser.create({
      data: {
        id: iamId("AIDA"),
        accountId: ctx.accountId,
        name,
        nameKey: name.toLowerCase(),
        path,
        arn: iamArn(ctx.partition, ctx.accountId, "user", path, name),
        tags: tags as unknown as Prisma.InputJsonValue,
      },
    });
    return { User: userXml(user, true) };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists(`User with name ${name} already exists.`);
    throw error;
  }
};

export const getUser: IamOperation = async (ctx, params) => {
  // Without a name, IAM answers for the caller; Leastwise keys are not IAM users.
  if (params.string("UserName") === undefined) {
    throw new IamError("ValidationError", "Must specify userName when calling with non-User credentials");
  }
  const user = await findUser(ctx, userName(params));
  return { User: userXml(user, true) };
};

export const listUsers: IamOperation = async (ctx, params) => {
  const pathPrefix = checkPathPrefix(params.string("PathPrefix"));
  const page = readPage(params);
  const rows = await ctx.db.localIamUser.findMany({
    where: { accountId: ctx.accountId, path: pathStartsWith(pathPrefix), ...(page.after ? { nameKey: { gt: page.after } } : {}) },
    orderBy: { nameKey: "asc" },
    take: page.take + 1,
  });
  const { items, ...paging } = pageResult(rows, page, (r) => r.nameKey);
  return { Users: items.map((u) => userXml(u, false)), ...paging };
};

export const deleteUser: IamOperation = async (ctx, params) => {
  const user = await findUser(ctx, userName(params));
  const [attached, inline] = await Promise.all([
    ctx.db.localIamUserPolicyAttachment.count({ where: { userId: user.id } }),
    ctx.db.localIamUserInlinePolicy.count({ where: { userId: user.id } }),
  ]);
  if (attached > 0) throw deleteConflict("Cannot delete entity, must detach all policies first.");
  if (inline > 0) throw deleteConflict("Cannot delete entity, must delete policies first.");
  await ctx.db.localIamUser.delete({ where: { id: user.id } });
  return null;
};

export const tagUser: IamOperation = async (ctx, params) => {
  const user = await findUser(ctx, userName(params));
  const tags = requiredTags(params);
  await ctx.db.localIamUser.update({
    where: { id: user.id },
    data: { tags: mergeTags(tagsOf(user), tags) as unknown as Prisma.InputJsonValue },
  });
  return null;
};

export const untagUser: IamOperation = async (ctx, params) => {
  const user = await findUser(ctx, userName(params));
  const keys = new Set((params.stringList("TagKeys") ?? []).map((k) => k.toLowerCase()));
  const tags = tagsOf(user).filter((t) => !keys.has(t.Key.toLowerCase()));
  await ctx.db.localIamUser.update({ where: { id: user.id }, data: { tags: tags as unknown as Prisma.InputJsonValue } });
  return null;
};

export const listUserTags: IamOperation = async (ctx, params) => listTags(tagsOf(await findUser(ctx, userName(params))), params);
