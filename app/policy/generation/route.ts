// Access Analyzer API: StartPolicyGeneration (PUT) and ListPolicyGenerations (GET). SigV4 is
// checked inside the handler (lib/api), not by the console's session middleware.
import { listPolicyGenerationsHandler } from "@/lib/api/policy-generation/list";
import { startPolicyGenerationHandler } from "@/lib/api/policy-generation/start";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PUT = (req: Request) => startPolicyGenerationHandler(req);
export const GET = (req: Request) => listPolicyGenerationsHandler(req);
