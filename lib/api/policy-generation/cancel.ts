// PUT /policy/generation/{jobId} (CancelPolicyGeneration)
import { cancelPolicyGeneration } from "@/lib/jobs/cancel-policy-generation";
import { authenticate } from "../authenticate";
import { authorize } from "../authorize";
import { awsJson, toAwsErrorResponse } from "../aws-response";
import { jobIdFromPath } from "./job-id";

export async function cancelPolicyGenerationHandler(req: Request): Promise<Response> {
  try {
    const { requestedBy } = await authenticate(req);
    await authorize({ requestedBy, scope: "generations:write", operation: "CancelPolicyGeneration" });
    await cancelPolicyGeneration({ jobId: jobIdFromPath(new URL(req.url).pathname) });
    return awsJson({});
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
