// How large a request body each local service reads before answering 413. IAM's largest request
// carries one policy document of up to 131,072 characters (the PolicyDocument limit of the IAM API);
// percent-encoded in a Query body each character of \u0080-\u00FF takes 6 bytes, plus the other
// parameters (names, a description, 50 tags). CloudTrail and STS requests are a few hundred bytes.
const API_MAX_BODY_BYTES = 256 * 1024;
import type { LocalAwsService } from "./create-local-aws-handler";

export const IAM_POLICY_DOCUMENT_MAX_CHARS = 131_072;

export const LOCAL_AWS_MAX_BODY_BYTES: Record<LocalAwsService, number> = {
  iam: 6 * IAM_POLICY_DOCUMENT_MAX_CHARS + 64 * 1024,
  cloudtrail: API_MAX_BODY_BYTES,
  sts: API_MAX_BODY_BYTES,
};
