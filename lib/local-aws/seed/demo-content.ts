// What the demo local account contains: roles with broad policies (what a team hands out while
// building), a user, and the activity profile each one shows in the demo trail. The broad policies
// grant far more than the activity uses, which is exactly what policy generation is for.
import type { ProfileName } from "@/lib/corpus/profiles";

export interface DemoPolicy {
  name: string;
  path: string;
  description: string;
  /** AWS managed (arn:aws:iam::aws:policy/...) instead of customer managed */
  awsManaged?: boolean;
  document: object;
}

export interface DemoEntity {
  kind: "role" | "user";
  name: string;
  path: string;
  description?: string;
  trustedService?: string;
  profile: ProfileName;
  /** share of the account's events in the demo trail */
  weight: number;
  managedPolicies: string[];
  inlinePolicies?: { name: string; document: object }[];
  tags?: { Key: string; Value: string }[];
}

const allow = (Action: string | string[], Resource: string | string[] = "*") => ({ Effect: "Allow", Action, Resource });
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    name: "AdministratorAccess",
    path: "/",
    awsManaged: true,
    description: "Provides full access to AWS services and resources.",
    document: doc(allow("*")),
  },
  {
    name: "AmazonS3FullAccess",
    path: "/",
    awsManaged: true,
    description: "Provides full access to all buckets via the AWS Management Console.",
    document: doc(allow(["s3:*", "s3-object-lambda:*"])),
  },
  {
    name: "app-backend-access",
    path: "/",
    description: "Everything the backend might need (granted broadly during development).",
    document: doc(
      allow(["s3:*", "dynamodb:*", "sqs:*", "sns:*"]),
      allow(["kms:*", "secretsmanager:*", "ssm:*"]),
      allow(["cloudwatch:*", "logs:*", "ses:*", "lambda:*", "events:*"]),
    ),
  },
  {
    name: "data-pipeline-access",
    path: "/analytics/",
    description: "Glue, Athena, Step Functions and friends for the nightly pipeline.",
    document: doc(allow(["glue:*", "athena:*", "states:*", "kms:*", "cloudwatch:*", "logs:*", "dynamodb:*", "sqs:*"])),
  },
];

export const DEMO_ENTITIES: DemoEntity[] = [
  {
    kind: "role",
    name: "app-backend",
    path: "/",
    description: "Application backend (ECS tasks).",
    trustedService: "ecs-tasks.amazonaws.com",
    profile: "backend",
    weight: 0.3,
    managedPolicies: ["app-backend-access"],
    inlinePolicies: [{ name: "legacy-queue-access", document: doc(allow("sqs:*", "arn:aws:sqs:*:*:legacy-*")) }],
    tags: [{ Key: "team", Value: "payments" }],
  },
  {
    kind: "role",
    name: "ci-deployer",
    path: "/",
    description: "Deploys from the CI pipeline (CodeBuild).",
    trustedService: "codebuild.amazonaws.com",
    profile: "ci-deployer",
    weight: 0.15,
    managedPolicies: ["AdministratorAccess"],
    tags: [{ Key: "team", Value: "platform" }],
  },
  {
    kind: "role",
    name: "data-pipeline",
    path: "/analytics/",
    description: "Nightly ETL (Glue and Step Functions).",
    trustedService: "states.amazonaws.com",
    profile: "data-pipeline",
    weight: 0.2,
    managedPolicies: ["AmazonS3FullAccess", "data-pipeline-access"],
    tags: [{ Key: "team", Value: "analytics" }],
  },
  {
    kind: "user",
    name: "alice",
    path: "/",
    profile: "admin",
    weight: 0.05,
    managedPolicies: ["AdministratorAccess"],
  },
];

export const DEMO_TRAIL_NAME = "leastwise-demo-trail";
export const DEMO_TRAIL_REGION = "us-east-1";
export const DEMO_REGIONS = ["us-east-1", "eu-west-1"];
export const DEMO_DAYS = 30;
export const DEMO_SEED = 20_261_122;
