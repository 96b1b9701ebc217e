import { describe, expect, it } from "vitest";
import { parsePrincipalArn } from "@/lib/core/arn";
import { acceptCandidates } from "./accept-candidates";
import { T_ROLE, roleRecord } from "./testing-trail";

const principal = parsePrincipalArn(T_ROLE);

/** Texts as a worker sends them: the JSON text of each candidate record. */
const pack = (texts: string[]) => texts;

describe("acceptCandidates", () => {
  it("parses every text, multi-byte characters included, and keeps only the principal's", () => {
    const own = roleRecord({ eventID: "own-ü-東京-😀", requestParameters: { name: "Zürich ✓" } }, T_ROLE);
    const other = roleRecord({ eventID: "other-é" }, "arn:aws:iam::111122223333:role/Other");
    const own2 = roleRecord({ eventID: "own-2" }, T_ROLE);
    const r = acceptCandidates(pack([JSON.stringify(own), JSON.stringify(other), JSON.stringify(own2)]), principal, "f");
    expect(r).toEqual({ ok: true, records: [own, own2] });
  });

  it("no texts", () => {
    expect(acceptCandidates(pack([]), principal, "f")).toEqual({ ok: true, records: [] });
  });

  it("a text that is not one JSON object means the file was split wrongly", () => {
    const own = JSON.stringify(roleRecord({}, T_ROLE));
    for (const bad of [own.slice(0, -1), "[1]", "null", `${own},${own}`]) {
      expect(acceptCandidates(pack([own, bad]), principal, "f")).toEqual({ ok: false });
    }
  });

  it("records of the principal without eventTime/eventSource/eventName become one warning", () => {
    const good = roleRecord({ eventID: "g" }, T_ROLE);
    const noTime = { ...roleRecord({ eventID: "b1" }, T_ROLE), eventTime: "yesterday" };
    const noName = { ...roleRecord({ eventID: "b2" }, T_ROLE), eventName: 3 };
    const r = acceptCandidates(pack([noTime, good, noName].map((x) => JSON.stringify(x))), principal, "f");
    expect(r.ok && r.records).toEqual([good]);
    expect(r.ok && r.badRecords?.message).toMatch(/^2 record\(s\).*\(first: b1\)$/);
  });
});
