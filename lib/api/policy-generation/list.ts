// GET /policy/generation (ListPolicyGenerations)
import { AppError } from "@/lib/errors";
import { listPolicyGenerations } from "@/lib/jobs/list-policy-generations";
import { authenticate } from "../authenticate";
import { authorize } from "../authorize";
import { awsJson, toAwsErrorResponse } from "../aws-response";

export async function listPolicyGenerationsHandler(req: Request): Promise<Response> {
  try {
    const { requestedBy } = await authenticate(req);
    await authorize({ requestedBy, scope: "generations:read", operation: "ListPolicyGenerations" });
    const q = new URL(req.url).searchParams;
    const max = q.get("maxResults");
    if (max !== null && !/^-?\d+$/.test(max)) {
      throw new AppError("VALIDATION", "maxResults must be an integer.", {
        details: { reason: "fieldValidationFailed", fieldList: [{ name: "maxResults", message: "must be an integer" }] },
      });
    }
    const out = await listPolicyGenerations({
      principalArn: q.get("principalArn") ?? undefined,
      maxResults: max === null ? undefined : Number(max),
      nextToken: q.get("nextToken") ?? undefined,
    });
    return awsJson(out);
  } catch (error) {
    return toAwsErrorResponse(error);
  }
}
