// Role operations: CreateRole, GetRole, ListRoles, UpdateRoleDescription, DeleteRole and role tags.
import type { IamOperation } from "./context";
import { alreadyExists, deleteConflict, invalidInput, validationError } from "./iam-error";
import { iamArn, iamId } from "./ids";
import { findRole, isUniqueViolation, readTagParams } from "./lookup";
import { pageResult, readPage } from "./paging";
import { checkTrustPolicy } from "./trust-policy";
import { checkDescription, checkName, checkPath, checkPathPrefix, checkTags, mergeTags, required } from "./rules";
import { pathStartsWith } from "./path-starts-with";
import { roleXml, tagsOf } from "./serialize";
import type { Prisma } from "@/lib/generated/prisma/client";

const roleName = (p: { string(n: string): string | undefined }) => checkName(p.string("RoleName"), "roleName", 64);

export const createRole: IamOperation = async (ctx, params) => {
  const name = roleName(params);
  const path = checkPath(params.string("Path"));
  const trust = checkTrustPolicy(params.string("AssumeRolePolicyDocument"));
  const description = checkDescription(params.string("Description"));
  const tags = checkTags(readTagParams(params));
  const maxSession = params.integer("MaxSessionDuration") ?? 3600;
  if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
    throw validationError(
      "maxSessionDuration",
      String(params.string("MaxSessionDuration")),
      "Member must have value between 3600 and 43200",
    );
  }
  if (params.string("PermissionsBoundary") !== undefined) {
    throw invalidInput("Permissions boundaries are not supported by the Leastwise local account.");
  }
  const existing = await ctx.db.localIamRole.findUnique({
    where: { accountId_nameKey: { accountId: ctx.accountId, nameKey: name.toLowerCase() } },
  });
  if (existing) throw alreadyExists(`Role with name ${name} already exists.`);
  try {
    const role = await ctx.db.localIamRole.create({
      data: {
        id: iamId("AROA"),
        accountId: ctx.accountId,
        name,
        nameKey: name.toLowerCase(),
        path,
        arn: iamArn(ctx.partition, ctx.accountId, "role", path, name),
        assumeRolePolicyDocument: trust,
        description,
        maxSessionDuration: maxSession,
        tags: tags as unknown as Prisma.InputJsonValue,
      },
    });
    return { Role: { ...roleXml(role, false), Tags: tags.length ? tags.map((t) => ({ ...t })) : undefined } };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists(`Role with name ${name} already exists.`);
    throw error;
  }
};

export const getRole: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  return { Role: roleXml(role, true) };
};

export const listRoles: IamOperation = async (ctx, params) => {
  const pathPrefix = checkPathPrefix(params.string("PathPrefix"));
  const page = readPage(params);
  const rows = await ctx.db.localIamRole.findMany({
    where: { accountId: ctx.accountId, path: pathStartsWith(pathPrefix), ...(page.after ? { nameKey: { gt: page.after } } : {}) },
    orderBy: { nameKey: "asc" },
    take: page.take + 1,
  });
  const { items, ...paging } = pageResult(rows, page, (r) => r.nameKey);
  return { Roles: items.map((r) => roleXml(r, false)), ...paging };
};

export const updateRoleDescription: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  const description = checkDescription(required(params.string("Description"), "description"));
  const updated = await ctx.db.localIamRole.update({ where: { id: role.id }, data: { description } });
  return { Role: roleXml(updated, false) };
};

export const deleteRole: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  const [attached, inline] = await Promise.all([
    ctx.db.localIamRolePolicyAttachment.count({ where: { roleId: role.id } }),
    ctx.db.localIamRoleInlinePolicy.count({ where: { roleId: role.id } }),
  ]);
  if (attached > 0) throw deleteConflict("Cannot delete entity, must detach all policies first.");
  if (inline > 0) throw deleteConflict("Cannot delete entity, must delete policies first.");
  await ctx.db.localIamRole.delete({ where: { id: role.id } });
  return null;
};

export const tagRole: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  const tags = requiredTags(params);
  await ctx.db.localIamRole.update({
    where: { id: role.id },
    data: { tags: mergeTags(tagsOf(role), tags) as unknown as Prisma.InputJsonValue },
  });
  return null;
};

export const untagRole: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  const keys = new Set((params.stringList("TagKeys") ?? []).map((k) => k.toLowerCase()));
  const tags = tagsOf(role).filter((t) => !keys.has(t.Key.toLowerCase()));
  await ctx.db.localIamRole.update({ where: { id: role.id }, data: { tags: tags as unknown as Prisma.InputJsonValue } });
  return null;
};

export const listRoleTags: IamOperation = async (ctx, params) => {
  const role = await findRole(ctx, roleName(params));
  return listTags(tagsOf(role), params);
};

export function listTags(all: { Key: string; Value: string }[], params: Parameters<IamOperation>[1]) {
  const page = readPage(params);
  const sorted = [...all].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
  const rows = sorted.filter((t) => page.after === undefined || t.Key > page.after).slice(0, page.take + 1);
  const { items, ...paging } = pageResult(rows, page, (t) => t.Key);
  return { Tags: items.map((t) => ({ Key: t.Key, Value: t.Value })), ...paging };
}

export function requiredTags(params: Parameters<IamOperation>[1]) {
  const raw = readTagParams(params);
  if (!raw || raw.length === 0) throw validationError("tags", undefined, "Member must not be null");
  return checkTags(raw);
}
