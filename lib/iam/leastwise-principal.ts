// The IAM principal Leastwise itself runs as against a real account. Leastwise reads trails by
// assuming the service role, so that role must trust this principal as well as
// access-analyzer.amazonaws.com. An assumed-role session is traced back to its role (whose ARN
// carries the path the session ARN leaves out).
import { GetRoleCommand, type IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";

export async function leastwisePrincipalArn(clients: { iam: IAMClient; sts: STSClient }): Promise<string> {
  const { Arn: arn = "" } = await clients.sts.send(new GetCallerIdentityCommand({}));
  const assumed = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  if (!assumed) return arn; // an IAM user or the account root: usable as is
  const role = await clients.iam.send(new GetRoleCommand({ RoleName: assumed[3] }));
  return role.Role?.Arn ?? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
}
