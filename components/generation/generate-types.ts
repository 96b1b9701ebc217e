import type { TrailOptionFull } from "@/lib/console/list-trail-options";

/** What the generate form shows of a trail (the server's listTrailOptions gives more). */
export type TrailOption = Pick<TrailOptionFull, "arn" | "name" | "homeRegion" | "location" | "bucketAccountId" | "bucketName">;

export interface ServiceRoleOption {
  arn: string;
  name: string;
}

export interface GenerateFormInput {
  principalArn: string;
  startTime: string;
  endTime: string;
  trail: { cloudTrailArn: string; allRegions: boolean; regions: string[] };
  accessRole: { kind: "existing"; roleArn: string } | { kind: "create"; suffix: string };
}
