// In real-account mode (LEASTWISE_ACCOUNT_MODE=aws) the local account's endpoints do not exist
// (issue 11, item 13): the route handlers answer 404 before reading anything, signed or not.
// e2e/security-local-aws.spec.ts checks the same against a started production server.
import { afterEach, describe, expect, it } from "vitest";
import { POST as cloudtrail } from "@/app/local-aws/cloudtrail/route";
import { POST as iam } from "@/app/local-aws/iam/route";
import { POST as sts } from "@/app/local-aws/sts/route";
import { resetEnvCache } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

const ROUTES = [
  ["iam", iam, "Action=ListRoles&Version=2010-05-08"],
  ["cloudtrail", cloudtrail, "{}"],
  ["sts", sts, "Action=GetCallerIdentity&Version=2011-06-15"],
] as const;

function unsigned(service: string, body: string): Request {
  return new Request(`http://127.0.0.1:3000/local-aws/${service}/`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

describe("/local-aws/* by account mode", () => {
  it.each(ROUTES)("/local-aws/%s is not served in aws mode", async (service, handler, body) => {
    process.env.LEASTWISE_ACCOUNT_MODE = "aws";
    resetEnvCache();
    const res = await handler(unsigned(service, body));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/Signature|Token|ErrorResponse|__type/);
  });

  it.each(ROUTES)("/local-aws/%s asks for a signature in local mode", async (service, handler, body) => {
    process.env.LEASTWISE_ACCOUNT_MODE = "local";
    resetEnvCache();
    const res = await handler(unsigned(service, body));
    expect(res.status).toBe(403);
  });
});
