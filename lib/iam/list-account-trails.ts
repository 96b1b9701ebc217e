// The account's CloudTrail trails with where they deliver logs (for the trail picker and the
// service role's bucket). ListTrails names every trail of the account whatever its region; each is
// then described in its home region (DescribeTrails in one region would miss single-region trails
// elsewhere). Local account: the trails registered in Leastwise.
import { GetTrailCommand, ListTrailsCommand, type TrailInfo } from "@aws-sdk/client-cloudtrail";
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
  const infos: TrailInfo[] = [];
  try {
    const client = cloudTrailClient({ region: options.region });
    let token: string | undefined;
    do {
      const out = await client.send(new ListTrailsCommand({ NextToken: token }));
      infos.push(...(out.Trails ?? []));
      token = out.NextToken;
    } while (token);
  } catch (error) {
    throw mapIamError(error, { doing: "list the CloudTrail trails", permission: "cloudtrail:ListTrails" });
  }
  const trails = await Promise.all(
    infos.map(async (info): Promise<AccountTrail | undefined> => {
      try {
        const out = await cloudTrailClient({ region: info.HomeRegion || options.region }).send(
          new GetTrailCommand({ Name: info.TrailARN }),
        );
        const t = out.Trail ?? {};
        return {
          arn: t.TrailARN ?? info.TrailARN ?? "",
          name: t.Name ?? info.Name ?? "",
          homeRegion: t.HomeRegion ?? info.HomeRegion ?? "",
          bucket: t.S3BucketName ?? "",
          prefix: t.S3KeyPrefix || undefined,
          multiRegion: t.IsMultiRegionTrail ?? false,
          organizationTrail: t.IsOrganizationTrail ?? false,
        };
      } catch (error) {
        if ((error as { name?: string }).name === "TrailNotFoundException") return undefined; // deleted meanwhile
        throw mapIamError(error, { doing: `read the trail ${info.Name}`, permission: "cloudtrail:GetTrail" });
      }
    }),
  );
  return trails.filter((t): t is AccountTrail => t !== undefined).sort((a, b) => (a.arn < b.arn ? -1 : 1));
}
