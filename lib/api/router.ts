// The Access Analyzer-compatible API as one web-standard handler. Next's route handlers
// (app/policy/generation/**) and plain node:http servers (tests, benchmarks) both mount these.
import { awsError } from "./aws-response";
import { cancelPolicyGenerationHandler } from "./policy-generation/cancel";
import { getGeneratedPolicyHandler } from "./policy-generation/get";
import { listPolicyGenerationsHandler } from "./policy-generation/list";
import { startPolicyGenerationHandler } from "./policy-generation/start";

type Handler = (req: Request) => Promise<Response>;

const ROUTES: { pattern: RegExp; methods: Record<string, Handler> }[] = [
  { pattern: /^\/policy\/generation\/?$/, methods: { PUT: startPolicyGenerationHandler, GET: listPolicyGenerationsHandler } },
  { pattern: /^\/policy\/generation\/[^/]+\/?$/, methods: { GET: getGeneratedPolicyHandler, PUT: cancelPolicyGenerationHandler } },
];

/** Handles an API request, or returns null when the path is not part of the API. */
export async function handleApiRequest(req: Request): Promise<Response | null> {
  const { pathname } = new URL(req.url);
  for (const route of ROUTES) {
    if (!route.pattern.test(pathname)) continue;
    const handler = route.methods[req.method.toUpperCase()];
    if (!handler) {
      return awsError(
        "ValidationException",
        405,
        { message: `${req.method} is not supported on ${pathname}.`, reason: "unknownOperation" },
        { allow: Object.keys(route.methods).join(", ") },
      );
    }
    return handler(req);
  }
  return null;
}
