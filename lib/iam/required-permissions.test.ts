// The permissions documentation (docs/local-aws.md) says exactly what each mode needs: its three
// policies equal the table, every AWS call Leastwise makes is covered, and generation (which
// assumes the service role) is never documented without sts:AssumeRole.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REQUIRED_PERMISSIONS, SERVICE_ROLE_ACTIONS, SERVICE_ROLE_RESOURCE, type PermissionMode } from "./required-permissions";

const ROOT = join(import.meta.dirname, "../..");
const SERVICE_OF: Record<string, string> = { "client-iam": "iam", "client-cloudtrail": "cloudtrail", "client-sts": "sts" };

function documented(mode: PermissionMode): { actions: string[]; statements: { Action: string[]; Resource: string }[] } {
  const doc = readFileSync(join(ROOT, "docs/local-aws.md"), "utf8");
  const m = new RegExp(`<!-- permissions:${mode} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/local-aws.md has no policy marked <!-- permissions:${mode} -->`);
  const policy = JSON.parse(m[1]) as { Statement: { Action: string[]; Resource: string }[] };
  return { actions: policy.Statement.flatMap((s) => s.Action), statements: policy.Statement };
}

function sdkCallsInCode(): string[] {
  const calls = new Set<string>();
  for (const dir of ["lib/iam", "lib/trails", "lib/console", "lib/aws"]) {
    for (const file of readdirSync(join(ROOT, dir))) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const text = readFileSync(join(ROOT, dir, file), "utf8");
      for (const imp of text.matchAll(/import \{([^}]*)\} from "@aws-sdk\/(client-iam|client-cloudtrail|client-sts)"/g)) {
        for (const name of imp[1].split(",").map((n) => n.trim().replace(/^type /, ""))) {
          if (name.endsWith("Command") && text.includes(`new ${name}(`)) calls.add(`${SERVICE_OF[imp[2]]}:${name.replace(/Command$/, "")}`);
        }
      }
    }
  }
  return [...calls].sort();
}

describe("the permissions Leastwise needs", () => {
  it.each(["read-only", "generate", "create-and-attach"] as const)("docs/local-aws.md documents exactly the %s policy", (mode) => {
    const { actions, statements } = documented(mode);
    expect([...actions].sort()).toEqual([...REQUIRED_PERMISSIONS[mode]].sort());
    for (const s of statements) {
      if (s.Action.some((a) => SERVICE_ROLE_ACTIONS.has(a))) {
        expect(s.Action.every((a) => SERVICE_ROLE_ACTIONS.has(a))).toBe(true);
        expect(s.Resource).toBe(SERVICE_ROLE_RESOURCE);
      }
    }
  });

  it("generation needs sts:AssumeRole (it reads the trail as the service role)", () => {
    expect(documented("generate").actions).toContain("sts:AssumeRole");
    expect(documented("read-only").actions).not.toContain("sts:AssumeRole");
  });

  it("every AWS call in the code is covered by the create-and-attach policy, and nothing more is asked", () => {
    const calls = sdkCallsInCode();
    expect(calls.length).toBeGreaterThan(20);
    const all = new Set(REQUIRED_PERMISSIONS["create-and-attach"]);
    expect(calls.filter((c) => !all.has(c))).toEqual([]);
    // The one permission not made by an SDK call of its own: TagPolicy (CreatePolicy with Tags).
    expect([...all].filter((a) => !calls.includes(a)).sort()).toEqual(["iam:TagPolicy"]);
  });
});
