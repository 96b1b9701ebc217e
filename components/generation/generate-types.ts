import type { TrailOptionFull } from "@/lib/console/list-trail-options";

/** What the generate form shows of a trail (the server's listTrailOptions gives more). */
export type TrailOption = Pick<
  TrailOptionFull,
  "arn" | "name" | "homeRegion" | "location" | "bucketAccountId" | "bucketName" | "organizationTrail" | "orgId"
>;

export interface ServiceRoleOption {
  arn: string;
  name: string;
  /** aws mode: whether the role's trust policy lets Leastwise assume it (undefined: unknown, local mode) */
  trustsLeastwise?: boolean;
}

/** The role to preselect: the first Leastwise can assume; never one it is known not to. */
export function preselectedServiceRole(roles: ServiceRoleOption[]): string | null {
  return (roles.find((r) => r.trustsLeastwise === true) ?? roles.find((r) => r.trustsLeastwise === undefined))?.arn ?? null;
}

export interface GenerateFormInput {
  principalArn: string;
  startTime: string;
  endTime: string;
  trail: { cloudTrailArn: string; allRegions: boolean; regions: string[] };
  accessRole: { kind: "existing"; roleArn: string } | { kind: "create"; suffix: string };
}
