// PUT /policy/generation/{jobId} (CancelPolicyGeneration)
import { cancelPolicyGeneration } from "@/lib/jobs/cancel-policy-generation";
import { authenticate } from "../authenticate";
import { awsJson, toAwsErrorResponse } from "../aws-response";
import { jobIdFromPath } from "./job-id";

export async function cancelPolicyGenerationHandler(req: Request): Promise<Response> {
  try {
    await authenticate(req);
    await cancelPolicyGeneration({ jobId: jobIdFromPath(new URL(req.url).pathname) });
    return awsJson({});
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
