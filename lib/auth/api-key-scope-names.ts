// The API key scopes and their labels: plain data, shared by the server and the console's forms.
export const API_KEY_SCOPES = ["generations:read", "generations:write", "local-account:admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "generations:read": "Read generations (GetGeneratedPolicy, ListPolicyGenerations)",
  "generations:write": "Start and cancel generations (StartPolicyGeneration, CancelPolicyGeneration)",
  "local-account:admin": "Administer the local account (its IAM and CloudTrail endpoints under /local-aws)",
};
