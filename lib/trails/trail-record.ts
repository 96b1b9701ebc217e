// A registered trail as the rest of Leastwise sees it (the database row mapped to plain data).
import type { Prisma, PrismaClient, Trail } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";

export type DbOrTx = PrismaClient | Prisma.TransactionClient;

export type TrailSource =
  { kind: "s3"; bucket: string; prefix?: string; endpoint?: string; region?: string } | { kind: "local"; dir: string; prefix?: string };

export interface TrailRecord {
  arn: string;
  name: string;
  homeRegion: string;
  accountId: string;
  orgId?: string;
  source: TrailSource;
  createdAt: Date;
  updatedAt: Date;
}

export function toTrailRecord(row: Trail): TrailRecord {
  const source: TrailSource =
    row.sourceKind === "LOCAL"
      ? { kind: "local", dir: row.localDir ?? "", ...(row.prefix ? { prefix: row.prefix } : {}) }
      : {
          kind: "s3",
          bucket: row.bucket ?? "",
          ...(row.prefix ? { prefix: row.prefix } : {}),
          ...(row.endpoint ? { endpoint: row.endpoint } : {}),
          ...(row.bucketRegion ? { region: row.bucketRegion } : {}),
        };
  return {
    arn: row.arn,
    name: row.name,
    homeRegion: row.homeRegion,
    accountId: row.accountId,
    ...(row.orgId ? { orgId: row.orgId } : {}),
    source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function dbOrDefault(db?: DbOrTx): Promise<DbOrTx> {
  return db ?? (await getDb());
}
