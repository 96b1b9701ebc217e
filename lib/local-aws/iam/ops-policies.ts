// Managed policy operations: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and policy tags.
import type { LocalIamPolicy, Prisma } from "@/lib/generated/prisma/client";
import type { IamContext, IamOperation } from "./context";
import { alreadyExists, deleteConflict, IamError, invalidInput } from "./iam-error";
import { iamArn, iamId } from "./ids";
import { findPolicy, isUniqueViolation, readTagParams } from "./lookup";
import { listTags, requiredTags } from "./ops-roles";
import { pageResult, readPage } from "./paging";
import { checkIdentityPolicy } from "./policy-document";
import { checkDescription, checkName, checkPath, checkPathPrefix, checkPolicyArn, checkTags, mergeTags } from "./rules";
import { pathStartsWith } from "./path-starts-with";
import { policyXml, tagsOf } from "./serialize";

export const createPolicy: IamOperation = async (ctx, params) => {
  const name = checkName(params.string("PolicyName"), "policyName", 128);
  const path = checkPath(params.string("Path"), "path");
  const description = checkDescription(params.string("Description"));
  const tags = checkTags(readTagParams(params));
  const document = checkIdentityPolicy(params.string("PolicyDocument"), { managed: true });
  const nameKey = name.toLowerCase();
  const existing = await ctx.db.localIamPolicy.findUnique({ where: { accountId_nameKey: { accountId: ctx.accountId, nameKey } } });
  if (existing) throw alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
  try {
    const now = new Date();
    const policy = await ctx.db.localIamPolicy.create({
      data: {
        id: iamId("ANPA"),
        accountId: ctx.accountId,
        name,
        nameKey,
        path,
        arn: iamArn(ctx.partition, ctx.accountId, "policy", path, name),
        description,
        tags: tags as unknown as Prisma.InputJsonValue,
        createdAt: now,
        updatedAt: now,
        versions: { create: { versionId: "v1", document, createdAt: now } },
      },
    });
    return { Policy: { ...policyXml(policy, 0, false), Tags: tags.length ? tags.map((t) => ({ ...t })) : undefined } };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
    throw error;
  }
};

export async function attachmentCount(ctx: IamContext, policyId: string): Promise<number> {
  const [roles, users] = await Promise.all([
    ctx.db.localIamRolePolicyAttachment.count({ where: { policyId, role: { accountId: ctx.accountId } } }),
    ctx.db.localIamUserPolicyAttachment.count({ where: { policyId, user: { accountId: ctx.accountId } } }),
  ]);
  return roles + users;
}

export const getPolicy: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  return { Policy: policyXml(policy, await attachmentCount(ctx, policy.id), true) };
};

export const listPolicies: IamOperation = async (ctx, params) => {
  const scope = params.string("Scope") ?? "All";
  if (!["All", "AWS", "Local"].includes(scope)) throw invalidInput(`Invalid Scope ${scope}: use All, AWS or Local.`);
  const pathPrefix = checkPathPrefix(params.string("PathPrefix"));
  const onlyAttached = params.boolean("OnlyAttached") ?? false;
  const page = readPage(params);
  const owner: Prisma.LocalIamPolicyWhereInput =
    scope === "Local"
      ? { accountId: ctx.accountId }
      : scope === "AWS"
        ? { accountId: null }
        : { OR: [{ accountId: ctx.accountId }, { accountId: null }] };
  const attached: Prisma.LocalIamPolicyWhereInput = onlyAttached
    ? {
        OR: [
          { roleAttachments: { some: { role: { accountId: ctx.accountId } } } },
          { userAttachments: { some: { user: { accountId: ctx.accountId } } } },
        ],
      }
    : {};
  const rows = await ctx.db.localIamPolicy.findMany({
    where: { AND: [owner, attached, { path: pathStartsWith(pathPrefix) }, page.after ? { arn: { gt: page.after } } : {}] },
    orderBy: { arn: "asc" },
    take: page.take + 1,
    include: {
      _count: {
        select: {
          roleAttachments: { where: { role: { accountId: ctx.accountId } } },
          userAttachments: { where: { user: { accountId: ctx.accountId } } },
        },
      },
    },
  });
  const { items, ...paging } = pageResult(rows, page, (r) => r.arn);
  return { Policies: items.map((p) => policyXml(p, p._count.roleAttachments + p._count.userAttachments, false)), ...paging };
};

export function assertCustomerManaged(policy: LocalIamPolicy): void {
  if (policy.accountId === null)
    throw new IamError("UnmodifiableEntity", `Policy ${policy.arn} is an AWS managed policy and cannot be changed.`);
}

export const deletePolicy: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  assertCustomerManaged(policy);
  if ((await attachmentCount(ctx, policy.id)) > 0) throw deleteConflict("Cannot delete a policy attached to entities.");
  const versions = await ctx.db.localIamPolicyVersion.count({ where: { policyId: policy.id } });
  if (versions > 1) {
    throw deleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }
  await ctx.db.localIamPolicy.delete({ where: { id: policy.id } });
  return null;
};

export const tagPolicy: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  assertCustomerManaged(policy);
  const tags = requiredTags(params);
  await ctx.db.localIamPolicy.update({
    where: { id: policy.id },
    data: { tags: mergeTags(tagsOf(policy), tags) as unknown as Prisma.InputJsonValue },
  });
  return null;
};

export const untagPolicy: IamOperation = async (ctx, params) => {
  const policy = await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")));
  assertCustomerManaged(policy);
  const keys = new Set((params.stringList("TagKeys") ?? []).map((k) => k.toLowerCase()));
  const tags = tagsOf(policy).filter((t) => !keys.has(t.Key.toLowerCase()));
  await ctx.db.localIamPolicy.update({ where: { id: policy.id }, data: { tags: tags as unknown as Prisma.InputJsonValue } });
  return null;
};

export const listPolicyTags: IamOperation = async (ctx, params) =>
  listTags(tagsOf(await findPolicy(ctx, checkPolicyArn(params.string("PolicyArn")))), params);
