// IAM's size quotas on policy documents. White space is not counted against them.
export const MANAGED_POLICY_MAX_CHARS = 6144;
export const TRUST_POLICY_MAX_CHARS = 2048;

export function countedLength(text: string): number {
  return text.replace(/\s/g, "").length;
}
