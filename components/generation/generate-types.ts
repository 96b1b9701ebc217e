export interface TrailOption {
  arn: string;
  name: string;
  homeRegion: string;
  /** where the logs are, for display: "s3://bucket/prefix" or a directory */
  location: string;
  /** the account owning the bucket, when known; differs from the principal's for cross-account trails */
  bucketAccountId: string | null;
  /** the bucket name, for the service role's permissions policy */
  bucketName: string | null;
}

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
