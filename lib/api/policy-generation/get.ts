// GET /policy/generation/{jobId} (GetGeneratedPolicy)
import { getGeneratedPolicy } from "@/lib/jobs/get-generated-policy";
import { authenticate } from "../authenticate";
import { authorize } from "../authorize";
import { awsJson, toAwsErrorResponse } from "../aws-response";
import { parseBooleanParam } from "../parse-input";
import { jobIdFromPath } from "./job-id";

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
    // The wire carries the AWS members only; evidence and progress are the console's.
    return awsJson({ jobDetails: out.jobDetails, generatedPolicyResult: out.generatedPolicyResult });
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
