import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CoreError } from "@/lib/core/errors";
import { runAction, runRoute, toUserError } from "./action-result";

describe("toUserError", () => {
  it("keeps an AppError's message, field and status", () => {
    expect(toUserError(new AppError("CONFLICT", "Name taken", { field: "name" }))).toEqual({
      code: "CONFLICT",
      message: "Name taken",
      field: "name",
      status: 409,
    });
  });
  it("keeps a CoreError's code and field", () => {
    expect(toUserError(new CoreError("WINDOW_TOO_LONG", "At most 90 days", { field: "endTime" }))).toMatchObject({
      code: "WINDOW_TOO_LONG",
      field: "endTime",
      status: 400,
    });
  });
  it("names the first invalid field of a zod error", () => {
    const r = z.object({ name: z.string().min(1, "Enter a name") }).safeParse({ name: "" });
    expect(toUserError(r.error)).toMatchObject({ code: "VALIDATION", message: "Enter a name", field: "name" });
  });
  it("hides unexpected errors behind a generic line", () => {
    const e = toUserError(new Error("connection string postgres://secret@db"));
    expect(e.code).toBe("INTERNAL");
    expect(e.message).not.toContain("secret");
  });
});

describe("runAction / runRoute", () => {
  it("wraps data and errors", async () => {
    expect(await runAction(async () => 7)).toEqual({ ok: true, data: 7 });
    const r = await runAction(async () => {
      throw new AppError("FORBIDDEN", "Admins only");
    });
    expect(r).toMatchObject({ ok: false, error: { code: "FORBIDDEN", status: 403 } });
  });
  it("answers a route with the error's status", async () => {
    const res = await runRoute(async () => {
      throw new AppError("NOT_FOUND", "No such job");
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: "No such job" } });
  });
});
