// GET /policy/generation/{jobId} (GetGeneratedPolicy)
import { getGeneratedPolicy } from "@/lib/jobs/get-generated-policy";
import { authenticate } from "../authenticate";
import { authorize } from "../authorize";
import { awsJson, toAwsErrorResponse } from "../aws-response";
import { parseBooleanParam } from "../parse-input";
import { jobIdFromPath } from "./job-id";

/** Warnings sent on the wire (all of them are in the console). */
const WIRE_WARNINGS = 50;

export async function getGeneratedPolicyHandler(req: Request): Promise<Response> {
  try {
    const { requestedBy } = await authenticate(req);
    await authorize({ requestedBy, scope: "generations:read", operation: "GetGeneratedPolicy" });
    const url = new URL(req.url);
    const out = await getGeneratedPolicy({
      jobId: jobIdFromPath(url.pathname),
      includeResourcePlaceholders: parseBooleanParam(url.searchParams.get("includeResourcePlaceholders"), "includeResourcePlaceholders"),
      includeServiceLevelTemplate: parseBooleanParam(url.searchParams.get("includeServiceLevelTemplate"), "includeServiceLevelTemplate"),
    });
    // The wire carries the AWS members, plus one Leastwise member (`leastwise`: what was read, the
    // empty-result marking, the first warnings) that the AWS CLI and SDKs ignore and raw HTTP
    // clients can read (docs/jobs-api.md). Evidence and progress are the console's.
    return awsJson({
      jobDetails: out.jobDetails,
      generatedPolicyResult: out.generatedPolicyResult,
      ...(out.readSummary
        ? {
            leastwise: {
              readSummary: out.readSummary,
              warnings: (out.warnings ?? []).slice(0, WIRE_WARNINGS),
              warningCount: out.warnings?.length ?? 0,
            },
          }
        : {}),
    });
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
