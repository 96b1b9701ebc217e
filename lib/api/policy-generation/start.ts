// PUT /policy/generation (StartPolicyGeneration)
import { z } from "zod";
import { startPolicyGeneration } from "@/lib/jobs/start-policy-generation";
import { authenticate } from "../authenticate";
import { authorize } from "../authorize";
import { awsJson, toAwsErrorResponse } from "../aws-response";
import { parseJsonBody, parseWith } from "../parse-input";

// Timestamps arrive as ISO-8601 strings (the CLI and SDK); epoch seconds are accepted too.
const timestamp = z.union([z.string(), z.number().transform((s) => new Date(s * 1000))]);

const StartBody = z.object({
  policyGenerationDetails: z.object({ principalArn: z.string() }),
  cloudTrailDetails: z
    .object({
      trails: z.array(
        z.object({
          cloudTrailArn: z.string(),
          regions: z.array(z.string()).optional(),
          allRegions: z.boolean().optional(),
        }),
      ),
      accessRole: z.string(),
      startTime: timestamp,
      endTime: timestamp.optional(),
    })
    .optional(),
  clientToken: z.string().optional(),
});

export async function startPolicyGenerationHandler(req: Request): Promise<Response> {
  try {
    const { requestedBy, body } = await authenticate(req);
    await authorize({ requestedBy, scope: "generations:write", operation: "StartPolicyGeneration" });
    const input = parseWith(StartBody, parseJsonBody(body));
    const { jobId } = await startPolicyGeneration({
      principalArn: input.policyGenerationDetails.principalArn,
      cloudTrailDetails: input.cloudTrailDetails,
      clientToken: input.clientToken,
      requestedBy,
    });
    return awsJson({ jobId });
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
