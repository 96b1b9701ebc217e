// The local account's IAM Query API (SigV4-signed, service "iam"); see docs/local-aws.md.
import { serveLocalAwsRoute } from "@/lib/local-aws/default-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(request: Request): Promise<Response> {
  return serveLocalAwsRoute(request, "iam");
}
