// Finding entities by name or ARN within the account, with IAM's NoSuchEntity wording.
import type { LocalIamPolicy, LocalIamRole, LocalIamUser } from "@/lib/generated/prisma/client";
import type { IamContext, Tx } from "./context";
import { noSuchEntity } from "./iam-error";
import type { QueryParams } from "../protocol/query-params";
import type { Tag } from "./rules";

export async function findRole(ctx: IamContext, name: string, db: Tx = ctx.db): Promise<LocalIamRole> {
  const role = await db.localIamRole.findUnique({
    where: { accountId_nameKey: { accountId: ctx.accountId, nameKey: name.toLowerCase() } },
  });
  if (!role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

export async function findUser(ctx: IamContext, name: string, db: Tx = ctx.db): Promise<LocalIamUser> {
  const user = await db.localIamUser.findUnique({
    where: { accountId_nameKey: { accountId: ctx.accountId, nameKey: name.toLowerCase() } },
  });
  if (!user) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}

/** A policy of this account, or an AWS managed policy (`arn:aws:iam::aws:policy/...`). */
export async function findPolicy(ctx: IamContext, arn: string, db: Tx = ctx.db, notFound?: string): Promise<LocalIamPolicy> {
  const policy = await db.localIamPolicy.findUnique({ where: { arn } });
  if (!policy || (policy.accountId !== null && policy.accountId !== ctx.accountId)) {
    throw noSuchEntity(notFound ?? `Policy ${arn} was not found.`);
  }
  return policy;
}

export function readTagParams(params: QueryParams, name = "Tags"): Tag[] | undefined {
  return params.structList(name, (prefix) => ({
    Key: params.string(`${prefix}Key`) ?? "",
    Value: params.string(`${prefix}Value`) ?? "",
  }));
}

/** Prisma's unique-constraint violation, raised when two requests create the same name at once. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
