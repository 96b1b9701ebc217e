// The local account standing in for a real AWS account, for the browser tests in aws mode (and for
// trying aws mode by hand): its own database, IAM/CloudTrail/STS over HTTP, an S3 stand-in in front
// of s3rver holding two days of generated logs twice (an account trail, and an organization trail
// of another account under AWSLogs/o-abcdefghij/), the service roles and the entities. Prints one
// JSON line ({ env, start, end, ... }) once ready; reads commands on stdin ("revoke": revoke the key
// Leastwise runs with, as an expired SSO session would); exits when stdin closes.
//   node --import tsx scripts/aws-account-standin.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CreateUserCommand } from "@aws-sdk/client-iam";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { resetEnvCache } from "@/lib/env";
import { makeTestTrail } from "@/lib/jobs/test-fixtures";
import { ROOT_TRUST, startAwsAccount } from "@/lib/local-aws/testing/aws-account-fixture";
import { uploadDirectory } from "@/lib/testing/s3rver";

const ACCOUNT = "111122223333";
const ORG = "o-abcdefghij";

async function main() {
  process.env.LEASTWISE_LOCAL_ACCOUNT_ID = ACCOUNT;
  process.env.LEASTWISE_DATA_DIR ??= mkdtempSync(join(tmpdir(), "lw-aws-standin-"));
  delete process.env.DATABASE_URL;
  resetEnvCache();
  const trail = await makeTestTrail({ days: 2, sizeMb: 1 });
  const aws = await startAwsAccount();
  await uploadDirectory({ client: aws.s3.client, bucket: "account-trail-bucket", dir: trail.dir, create: true });
  await uploadDirectory({
    client: aws.s3.client,
    bucket: "org-log-archive",
    dir: join(trail.dir, "AWSLogs"),
    prefix: `org/AWSLogs/${ORG}`,
    create: true,
  });
  await aws.registerTrail({
    arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/account-trail`,
    source: { kind: "s3", bucket: "account-trail-bucket" },
  });
  await aws.registerTrail({
    arn: "arn:aws:cloudtrail:us-east-1:999988887777:trail/org-trail",
    source: { kind: "s3", bucket: "org-log-archive", prefix: "org" },
    orgId: ORG,
  });
  const trustOnlyService = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
  // Alphabetically first, and not assumable by Leastwise: the form must not preselect it.
  await aws.createRole({ name: "AccessAnalyzerMonitorServiceRole_aaa", path: "/service-role/", trust: trustOnlyService });
  await aws.createRole({ name: "AccessAnalyzerMonitorServiceRole_leastwise", path: "/service-role/", trust: ROOT_TRUST(ACCOUNT) });
  const appTrust = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
  await aws.createRole({ name: "TargetRole", trust: appTrust });
  await aws.createRole({ name: "ci-deployer", path: "/service-role/deploy/", trust: appTrust });
  await aws.iam.send(new CreateUserCommand({ UserName: "alice" }));
  await aws.iam.send(new CreateUserCommand({ UserName: "nobody" }));
  process.stdout.write(
    `${JSON.stringify({ env: aws.awsEnv(), start: trail.start.toISOString(), end: trail.end.toISOString(), accountId: ACCOUNT, orgId: ORG })}\n`,
  );
  const rl = createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    if (line.trim() === "revoke") {
      void revokeApiKey({ id: aws.credentials.accessKeyId, db: aws.db.prisma }).then(() => process.stdout.write("revoked\n"));
    }
  });
  rl.on("close", () => {
    void aws.stop().finally(() => {
      trail.remove();
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
