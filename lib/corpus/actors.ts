import type { ProfileName } from "./profiles";
import type { Rng } from "./rng";

/** Someone (or something) that makes calls in a generated trail. */
export interface Actor {
  kind: "role" | "user" | "service";
  account: string;
  /** role or user ARN; for services the service principal */
  arn: string;
  name: string;
  principalId: string;
  profile: ProfileName;
  /** relative share of the account's events */
  weight: number;
  sessions: string[];
  /** regions it works in (global services always log in us-east-1) */
  regions?: string[];
}

export interface NamedPrincipal {
  arn: string;
  profile: ProfileName;
  /** share of its account's events (default 0.04); raise it for a small demo trail */
  weight?: number;
  /** number of distinct role session names (default 40) */
  sessions?: number;
  regions?: string[];
}

const ARN_RE = /^arn:aws:iam::(\d{12}):(role|user)\/(.+)$/;

export function actorFor(p: NamedPrincipal, rng: Rng): Actor {
  const m = ARN_RE.exec(p.arn);
  if (!m) throw new Error(`corpus: not a role or user ARN: ${p.arn}`);
  const name = m[3].split("/").pop()!;
  const kind = m[2] as "role" | "user";
  const n = p.sessions ?? 40;
  const sessions = kind === "role" ? Array.from({ length: n }, (_, i) => sessionName(rng, i)) : [];
  return {
    kind,
    account: m[1],
    arn: p.arn,
    name,
    principalId: rng.id(kind === "role" ? "AROA" : "AIDA"),
    profile: p.profile,
    weight: p.weight ?? 0.04,
    sessions,
    regions: p.regions,
  };
}

function sessionName(rng: Rng, i: number): string {
  const styles = [
    () => `i-0${rng.hex(16)}`,
    () => `botocore-session-${1700000000 + rng.int(0, 99999999)}`,
    () => `GitHubActions-${rng.int(1000, 9999)}`,
    () => `${rng.pick(["alice", "bob", "carol", "dave"])}@example.com`,
    () => `${rng.hex(32)}`,
    () => `aws-go-sdk-${1700000000000 + i}`,
  ];
  return rng.pick(styles)();
}

/** Background principals of an account: many roles and users doing a bit of everything. */
export function noiseActors(account: string, rng: Rng, count: number): Actor[] {
  const out: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const user = i % 5 === 4;
    const name = user ? `dev-${i}` : `${rng.pick(["svc", "app", "etl", "batch", "web"])}-${rng.hex(4)}-role`;
    const path = !user && i % 3 === 0 ? "service-role/" : "";
    const arn = `arn:aws:iam::${account}:${user ? "user" : "role"}/${path}${name}`;
    out.push(actorFor({ arn, profile: "noise", weight: 1, sessions: 6 }, rng));
  }
  return out;
}

/** AWS services acting in the account with their own identity (never a principal's permission). */
export function serviceActors(account: string, rng: Rng): Actor[] {
  return ["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "cloudformation.amazonaws.com"].map((s) => ({
    kind: "service" as const,
    account,
    arn: s,
    name: s,
    principalId: rng.id("AROA"),
    profile: "noise" as const,
    weight: 0.5,
    sessions: [],
  }));
}
