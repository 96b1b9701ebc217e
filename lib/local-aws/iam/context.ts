// What every local IAM operation receives: the database, the account it acts in, and the quotas.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { QueryParams } from "../protocol/query-params";
import type { XmlValue } from "../protocol/xml";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export interface IamLimits {
  /** managed policies attached to one role or user (IAM default 10, adjustable up to 20) */
  attachedPoliciesPerEntity: number;
  /** versions kept per managed policy (IAM: 5) */
  versionsPerPolicy: number;
  /** aggregate inline policy size per role (IAM: 10,240) and per user (IAM: 2,048) */
  inlinePolicyCharsPerRole: number;
  inlinePolicyCharsPerUser: number;
}

export const DEFAULT_IAM_LIMITS: IamLimits = {
  attachedPoliciesPerEntity: 10,
  versionsPerPolicy: 5,
  inlinePolicyCharsPerRole: 10240,
  inlinePolicyCharsPerUser: 2048,
};

export interface IamContext {
  db: Db;
  accountId: string;
  partition: string;
  limits: IamLimits;
}

export type IamResult = Record<string, XmlValue> | null;
export type IamOperation = (ctx: IamContext, params: QueryParams) => Promise<IamResult>;
