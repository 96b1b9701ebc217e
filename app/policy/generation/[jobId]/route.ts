// Access Analyzer API: GetGeneratedPolicy (GET) and CancelPolicyGeneration (PUT).
import { cancelPolicyGenerationHandler } from "@/lib/api/policy-generation/cancel";
import { getGeneratedPolicyHandler } from "@/lib/api/policy-generation/get";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (req: Request) => getGeneratedPolicyHandler(req);
export const PUT = (req: Request) => cancelPolicyGenerationHandler(req);
