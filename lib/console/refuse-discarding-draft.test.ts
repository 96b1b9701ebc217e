import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import { AppError } from "@/lib/errors";
import { refuseDiscardingDraft } from "./refuse-discarding-draft";

const ROLE = "arn:aws:iam::111122223333:role/app";
const JOB = "3f1c2a9e-5b7d-4c8e-9a1f-2b3c4d5e6f70";

describe.each(["pglite", "postgres"] as const)("refuseDiscardingDraft (%s)", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ kind });
    const p = db.prisma;
    await p.consoleUser.create({ data: { username: "ada", role: "ADMIN" } });
    await p.consoleUser.create({ data: { username: "vic", role: "VIEWER" } });
    await p.generationJob.create({
      data: {
        id: JOB,
        principalArn: ROLE,
        accountId: "111122223333",
        trails: [],
        startTime: new Date(0),
        endTime: new Date(1000),
        status: "SUCCEEDED",
        requestHash: "h",
        requestedBy: "user:ada",
      },
    });
    await p.activeGeneratedPolicy.create({ data: { principalArn: ROLE, jobId: JOB } });
  });
  afterAll(() => db?.close());

  const draft = (documentText: string | null, updatedBy: string) =>
    db.prisma.policyDraft.upsert({
      where: { principalArn_jobId: { principalArn: ROLE, jobId: JOB } },
      update: { documentText, updatedBy },
      create: { principalArn: ROLE, jobId: JOB, selection: {}, documentText, updatedBy },
    });
  const check = (username: string, role: "admin" | "viewer", principalArn = ROLE) =>
    refuseDiscardingDraft({ principalArn, username, role, db: db.prisma });

  it("refuses a viewer when an administrator edited the draft, and says who", async () => {
    await draft("{}", "ada");
    const error = await check("vic", "viewer").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect((error as AppError).userMessage).toMatch(/ada \(an administrator\) has edited/);
  });

  it.each([
    ["an administrator", "ada", "admin", "{}", "ada"],
    ["a viewer over their own edits", "vic", "viewer", "{}", "vic"],
    ["a viewer when the draft was not edited", "vic", "viewer", null, "ada"],
    ["a viewer over another viewer's edits", "vic", "viewer", "{}", "someone-else"],
  ] as const)("lets %s start", async (_what, username, role, text, by) => {
    await draft(text, by);
    await expect(check(username, role)).resolves.toBeUndefined();
  });

  it("lets anyone start for an entity without a generated policy", async () => {
    await expect(check("vic", "viewer", "arn:aws:iam::111122223333:role/other")).resolves.toBeUndefined();
  });
});
