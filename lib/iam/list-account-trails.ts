// The account's CloudTrail trails with where they deliver logs (for the trail picker and the
// service role's bucket). Local account: the trails registered in Leastwise; real AWS: DescribeTrails.
import { DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { cloudTrailClient } from "@/lib/aws/clients";
import { mapIamError } from "./map-iam-error";

export interface AccountTrail {
  arn: string;
  name: string;
  homeRegion: string;
  bucket: string;
  prefix?: string;
  multiRegion: boolean;
  organizationTrail: boolean;
}

export async function listAccountTrails(options: { region?: string } = {}): Promise<AccountTrail[]> {
  try {
    const out = await cloudTrailClient({ region: options.region }).send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    return (out.trailList ?? []).map((t) => ({
      arn: t.TrailARN ?? "",
      name: t.Name ?? "",
      homeRegion: t.HomeRegion ?? "",
      bucket: t.S3BucketName ?? "",
      prefix: t.S3KeyPrefix || undefined,
      multiRegion: t.IsMultiRegionTrail ?? false,
      organizationTrail: t.IsOrganizationTrail ?? false,
    }));
  } catch (error) {
    throw mapIamError(error, { doing: "list the CloudTrail trails", permission: "cloudtrail:DescribeTrails" });
  }
}
