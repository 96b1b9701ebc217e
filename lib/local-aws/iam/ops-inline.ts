// Inline policies of roles and users: Put/Get/List/Delete{Role,User}Policy. IAM limits their
// aggregate size per entity (white space not counted).
import type { IamContext, IamOperation } from "./context";
import { limitExceeded, noSuchEntity } from "./iam-error";
import { findRole, findUser } from "./lookup";
import { pageResult, readPage } from "./paging";
import { checkIdentityPolicy, countedLength } from "./policy-document";
import { checkName } from "./rules";
import { encodeDocument } from "./serialize";
import type { QueryParams } from "../protocol/query-params";

type Kind = "role" | "user";

interface InlineRow {
  name: string;
  document: string;
}

interface InlineTable {
  findMany(args: { where: Record<string, unknown>; orderBy?: Record<string, string>; take?: number }): Promise<InlineRow[]>;
  findUnique(args: { where: Record<string, Record<string, string>> }): Promise<InlineRow | null>;
  upsert(args: {
    where: Record<string, Record<string, string>>;
    create: Record<string, string>;
    update: Record<string, string>;
  }): Promise<unknown>;
  deleteMany(args: { where: Record<string, string> }): Promise<{ count: number }>;
}

async function target(ctx: IamContext, kind: Kind, params: QueryParams) {
  const entity =
    kind === "role"
      ? await findRole(ctx, checkName(params.string("RoleName"), "roleName", 64))
      : await findUser(ctx, checkName(params.string("UserName"), "userName", 64));
  const rows = (kind === "role" ? ctx.db.localIamRoleInlinePolicy : ctx.db.localIamUserInlinePolicy) as unknown as InlineTable;
  const key = kind === "role" ? "roleId" : "userId";
  return { entity, rows, key, pk: `${key}_name`, label: kind === "role" ? "role" : "user" };
}

const policyName = (params: QueryParams) => checkName(params.string("PolicyName"), "policyName", 128);

function put(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const t = await target(ctx, kind, params);
    const name = policyName(params);
    const document = checkIdentityPolicy(params.string("PolicyDocument"), { managed: false });
    const others = await t.rows.findMany({ where: { [t.key]: t.entity.id, NOT: { name } } });
    const total = others.reduce((n, p) => n + countedLength(p.document), countedLength(document));
    const max = kind === "role" ? ctx.limits.inlinePolicyCharsPerRole : ctx.limits.inlinePolicyCharsPerUser;
    if (total > max) throw limitExceeded(`Maximum policy size of ${max} bytes exceeded for ${t.label} ${t.entity.name}`);
    await t.rows.upsert({
      where: { [t.pk]: { [t.key]: t.entity.id, name } },
      create: { [t.key]: t.entity.id, name, document },
      update: { document },
    });
    return null;
  };
}

function get(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const t = await target(ctx, kind, params);
    const name = policyName(params);
    const row = await t.rows.findUnique({ where: { [t.pk]: { [t.key]: t.entity.id, name } } });
    if (!row) throw noSuchEntity(`The ${t.label} policy with name ${name} cannot be found.`);
    const owner = kind === "role" ? { RoleName: t.entity.name } : { UserName: t.entity.name };
    return { ...owner, PolicyName: row.name, PolicyDocument: encodeDocument(row.document) };
  };
}

function list(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const t = await target(ctx, kind, params);
    const page = readPage(params);
    const rows = await t.rows.findMany({
      where: { [t.key]: t.entity.id, ...(page.after ? { name: { gt: page.after } } : {}) },
      orderBy: { name: "asc" },
      take: page.take + 1,
    });
    const { items, ...paging } = pageResult(rows, page, (r) => r.name);
    return { PolicyNames: items.map((r) => r.name), ...paging };
  };
}

function remove(kind: Kind): IamOperation {
  return async (ctx, params) => {
    const t = await target(ctx, kind, params);
    const name = policyName(params);
    const deleted = await t.rows.deleteMany({ where: { [t.key]: t.entity.id, name } });
    if (deleted.count === 0) throw noSuchEntity(`The ${t.label} policy with name ${name} cannot be found.`);
    return null;
  };
}

export const putRolePolicy = put("role");
export const putUserPolicy = put("user");
export const getRolePolicy = get("role");
export const getUserPolicy = get("user");
export const listRolePolicies = list("role");
export const listUserPolicies = list("user");
export const deleteRolePolicy = remove("role");
export const deleteUserPolicy = remove("user");
