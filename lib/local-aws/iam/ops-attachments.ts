// Attaching managed policies to roles and users, within the per-entity quota (IAM default 10).
import type { IamContext, IamOperation, Tx } from "./context";
import { limitExceeded, noSuchEntity } from "./iam-error";
import { findPolicy, findRole, findUser } from "./lookup";
import { pageResult, readPage } from "./paging";
import { checkName, checkPathPrefix, checkPolicyArn } from "./rules";
import { pathStartsWith } from "./path-starts-with";
import type { QueryParams } from "../protocol/query-params";

type Kind = "role" | "user";

interface AttachmentTable {
  count(args: { where: Record<string, string> }): Promise<number>;
  findUnique(args: { where: Record<string, Record<string, string>> }): Promise<unknown>;
  create(args: { data: Record<string, string> }): Promise<unknown>;
  deleteMany(args: { where: Record<string, string> }): Promise<{ count: number }>;
}

const spec = {
  role: { param: "RoleName", field: "roleName", key: "roleId", quota: "PoliciesPerRole", find: findRole },
  user: { param: "UserName", field: "userName", key: "userId", quota: "PoliciesPerUser", find: findUser },
} as const;

function table(tx: Tx, kind: Kind): AttachmentTable {
  return (kind === "role" ? tx.localIamRolePolicyAttachment : tx.localIamUserPolicyAttachment) as unknown as AttachmentTable;
}

async function entity(ctx: IamContext, kind: Kind, params: QueryParams, tx?: Tx) {
  const s = spec[kind];
  return s.find(ctx, checkName(params.string(s.param), s.field, 64), tx);
}

function attach(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const arn = checkPolicyArn(params.string("PolicyArn"));
    const s = spec[kind];
    await ctx.db.$transaction(async (tx) => {
      const target = await entity(ctx, kind, params, tx);
      // serialize attaches to one entity so concurrent requests cannot overshoot the quota
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${target.id}))`;
      const policy = await findPolicy(ctx, arn, tx, `Policy ${arn} does not exist or is not attachable.`);
      const attachments = table(tx, kind);
      const link = { [s.key]: target.id, policyId: policy.id };
      const pk = kind === "role" ? "roleId_policyId" : "userId_policyId";
      if (await attachments.findUnique({ where: { [pk]: link } })) return; // attaching twice is a no-op in IAM
      const count = await attachments.count({ where: { [s.key]: target.id } });
      if (count >= ctx.limits.attachedPoliciesPerEntity) {
        throw limitExceeded(`Cannot exceed quota for ${s.quota}: ${ctx.limits.attachedPoliciesPerEntity}`);
      }
      await attachments.create({ data: link });
    });
    return null;
  };
}

function detach(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const arn = checkPolicyArn(params.string("PolicyArn"));
    const target = await entity(ctx, kind, params);
    const policy = await findPolicy(ctx, arn);
    const deleted = await table(ctx.db, kind).deleteMany({ where: { [spec[kind].key]: target.id, policyId: policy.id } });
    if (deleted.count === 0) throw noSuchEntity(`Policy ${arn} was not found.`);
    return null;
  };
}

function listAttached(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const target = await entity(ctx, kind, params);
    const pathPrefix = checkPathPrefix(params.string("PathPrefix"));
    const page = readPage(params);
    const where = {
      ...(kind === "role" ? { roleAttachments: { some: { roleId: target.id } } } : { userAttachments: { some: { userId: target.id } } }),
      path: pathStartsWith(pathPrefix),
      ...(page.after ? { arn: { gt: page.after } } : {}),
    };
    const rows = await ctx.db.localIamPolicy.findMany({ where, orderBy: { arn: "asc" }, take: page.take + 1 });
    const { items, ...paging } = pageResult(rows, page, (r) => r.arn);
    return { AttachedPolicies: items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...paging };
  };
}

export const attachRolePolicy = attach("role");
export const attachUserPolicy = attach("user");
export const detachRolePolicy = detach("role");
export const detachUserPolicy = detach("user");
export const listAttachedRolePolicies = listAttached("role");
export const listAttachedUserPolicies = listAttached("user");

export const listEntitiesForPolicy: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  const [roles, users] = await Promise.all([
    ctx.db.localIamRole.findMany({
      where: { accountId: ctx.accountId, attachedPolicies: { some: { policyId: policy.id } } },
      orderBy: { nameKey: "asc" },
    }),
    ctx.db.localIamUser.findMany({
      where: { accountId: ctx.accountId, attachedPolicies: { some: { policyId: policy.id } } },
      orderBy: { nameKey: "asc" },
    }),
  ]);
  return {
    PolicyGroups: [],
    PolicyUsers: users.map((u) => ({ UserName: u.name, UserId: u.id })),
    PolicyRoles: roles.map((r) => ({ RoleName: r.name, RoleId: r.id })),
    IsTruncated: false,
  };
};
