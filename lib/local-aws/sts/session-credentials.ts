// Temporary credentials of the local STS (AssumeRole), stateless like real session tokens: the
// session token is a signed description of the session (parent key, role, session name, expiry);
// the secret is derived from the token with the installation's secret key, so nothing is stored and
// every process sharing the secret key accepts them. A session of a revoked parent key is refused.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { secretKey } from "@/lib/auth/api-keys-crypto";

/** Session key IDs start like this (AWS: ASIA...), so the verifier knows to read the token. */
export const SESSION_KEY_PREFIX = "LWAS";

export interface LocalSession {
  accessKeyId: string;
  parentAccessKeyId: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  expiresAt: Date;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function mac(purpose: string, text: string): Buffer {
  return createHmac("sha256", secretKey()).update(`${purpose}\n${text}`).digest();
}

export function issueSessionCredentials(o: Omit<LocalSession, "accessKeyId">): {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
} {
  const accessKeyId = SESSION_KEY_PREFIX + Array.from(randomBytes(16), (b) => BASE32[b & 31]).join("");
  const payload = Buffer.from(
    JSON.stringify({ k: accessKeyId, p: o.parentAccessKeyId, r: o.roleArn, i: o.roleId, n: o.sessionName, e: o.expiresAt.getTime() }),
  ).toString("base64url");
  const token = `${payload}.${mac("lw-sts-token", payload).toString("base64url")}`;
  return { AccessKeyId: accessKeyId, SecretAccessKey: sessionSecret(token), SessionToken: token, Expiration: o.expiresAt };
}

function sessionSecret(token: string): string {
  return mac("lw-sts-secret", token).toString("base64").replace(/\+/g, "A").replace(/\//g, "B").slice(0, 40);
}

function invalid(): AppError {
  return new AppError("UNAUTHORIZED", "The security token included in the request is invalid.", {
    status: 403,
    details: { awsErrorType: "UnrecognizedClientException" },
  });
}

/**
 * The session behind a session key and its token, with the secret to check the signature with.
 * A missing, forged or foreign token is InvalidClientTokenId; an expired one ExpiredToken (as STS).
 */
export function readSessionCredentials(o: { accessKeyId: string; sessionToken: string | null; now?: Date }): {
  session: LocalSession;
  secretAccessKey: string;
} {
  const token = o.sessionToken ?? "";
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) throw invalid();
  const expected = mac("lw-sts-token", payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let p: { k: string; p: string; r: string; i: string; n: string; e: number };
  try {
    p = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (p.k !== o.accessKeyId) throw invalid();
  if ((o.now ?? new Date()).getTime() >= p.e) {
    throw new AppError("UNAUTHORIZED", "The security token included in the request is expired", {
      status: 403,
      details: { awsErrorType: "ExpiredTokenException" },
    });
  }
  return {
    session: { accessKeyId: p.k, parentAccessKeyId: p.p, roleArn: p.r, roleId: p.i, sessionName: p.n, expiresAt: new Date(p.e) },
    secretAccessKey: sessionSecret(token),
  };
}
