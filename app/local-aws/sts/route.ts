// The local account's STS GetCallerIdentity (SigV4-signed, service "sts"); see docs/local-aws.md.
import { serveLocalAwsRoute } from "@/lib/local-aws/default-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(request: Request): Promise<Response> {
  return serveLocalAwsRoute(request, "sts");
}
