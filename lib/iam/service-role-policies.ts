// The two documents of the policy-generation service role, as the IAM user guide gives them: the
// trust policy lets Access Analyzer (here: Leastwise acting as it) assume the role; the permissions
// policy reads the trail and its bucket.
export const SERVICE_ROLE_PATH = "/service-role/";
export const SERVICE_ROLE_PREFIX = "AccessAnalyzerMonitorServiceRole";
export const ACCESS_ANALYZER_PRINCIPAL = "access-analyzer.amazonaws.com";

/** The documented trust policy; `alsoTrust` adds the principal Leastwise runs as (real accounts). */
export function serviceRoleTrustPolicy(options: { alsoTrust?: string } = {}): string {
  const statements: object[] = [{ Effect: "Allow", Principal: { Service: ACCESS_ANALYZER_PRINCIPAL }, Action: "sts:AssumeRole" }];
  if (options.alsoTrust) statements.push({ Effect: "Allow", Principal: { AWS: options.alsoTrust }, Action: "sts:AssumeRole" });
  return JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
}

export function serviceRolePermissionsPolicy(options: { bucket: string; partition?: string }): string {
  const p = options.partition ?? "aws";
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "cloudtrail:GetTrail", Resource: "*" },
        { Effect: "Allow", Action: ["iam:GenerateServiceLastAccessedDetails", "iam:GetServiceLastAccessedDetails"], Resource: "*" },
        {
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
          Resource: [`arn:${p}:s3:::${options.bucket}`, `arn:${p}:s3:::${options.bucket}/*`],
        },
      ],
    },
    null,
    2,
  );
}

/** True when a trust policy lets access-analyzer.amazonaws.com assume the role. */
export function trustsAccessAnalyzer(trustPolicy: string): boolean {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return false;
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.some((st: unknown) => {
    if (typeof st !== "object" || st === null) return false;
    const s = st as { Effect?: string; Principal?: { Service?: string | string[] }; Action?: string | string[] };
    const services = ([] as string[]).concat(s.Principal?.Service ?? []);
    const actions = ([] as string[]).concat(s.Action ?? []);
    return (
      s.Effect === "Allow" &&
      services.includes(ACCESS_ANALYZER_PRINCIPAL) &&
      actions.some((a) => /^sts:(AssumeRole|\*)$/i.test(a) || a === "*")
    );
  });
}

/** True when a trust policy lets this AWS principal (or its whole account) assume the role. */
export function trustsPrincipal(trustPolicy: string, principalArn: string): boolean {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return false;
  }
  const account = principalArn.split(":")[4];
  const accepted = new Set([principalArn, account, `arn:${principalArn.split(":")[1]}:iam::${account}:root`]);
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.some((st: unknown) => {
    if (typeof st !== "object" || st === null) return false;
    const s = st as { Effect?: string; Principal?: string | { AWS?: string | string[] }; Action?: string | string[] };
    const aws = s.Principal === "*" ? ["*"] : ([] as string[]).concat(typeof s.Principal === "object" ? (s.Principal.AWS ?? []) : []);
    const actions = ([] as string[]).concat(s.Action ?? []);
    return (
      s.Effect === "Allow" &&
      aws.some((p) => p === "*" || accepted.has(p)) &&
      actions.some((a) => /^sts:(AssumeRole|\*)$/i.test(a) || a === "*")
    );
  });
}
