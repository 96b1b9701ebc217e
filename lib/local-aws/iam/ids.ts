// Unique IDs in IAM's format: a four-letter prefix naming the kind (AROA role, AIDA user, ANPA
// policy) followed by 17 upper-case base-32 characters.
import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function iamId(prefix: "AROA" | "AIDA" | "ANPA"): string {
  const bytes = randomBytes(17);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export function iamArn(partition: string, accountId: string, kind: "role" | "user" | "policy", path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:${kind}${path}${name}`;
}
