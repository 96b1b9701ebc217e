import { describe, expect, it } from "vitest";
import { FastRecordScanner } from "./fast-record-scanner";

const ARN = "arn:aws:iam::111122223333:role/app/Target";
const rec = (issuer: string, extra = "") =>
  `{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","sessionContext":{"sessionIssuer":{"arn":"${issuer}"}}},"eventTime":"2024-01-01T00:00:00Z"${extra}}`;
const file = (...records: string[]) => `{"Records":[${records.join(",")}]}`;

/** Feeds `text` in chunks of `size` bytes (every split point is exercised with size 1). */
function scan(text: string, size: number) {
  const s = new FastRecordScanner(JSON.stringify(ARN));
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) s.push(buf.subarray(i, i + size));
  const ok = s.end();
  return { ok, eventsRead: s.eventsRead, candidates: s.candidates };
}

describe("FastRecordScanner", () => {
  const cases: { name: string; text: string; ok: boolean; events?: number; candidates?: number }[] = [
    { name: "empty Records array", text: '{"Records":[]}', ok: true, events: 0, candidates: 0 },
    {
      name: "no principal record",
      text: file(rec("arn:aws:iam::111122223333:role/Other"), rec("arn:aws:iam::1:role/x")),
      ok: true,
      events: 2,
      candidates: 0,
    },
    {
      name: "the principal's record",
      text: file(rec("arn:aws:iam::111122223333:role/Other"), rec(ARN)),
      ok: true,
      events: 2,
      candidates: 1,
    },
    {
      name: "a role whose name extends the principal's",
      text: file(rec(`${ARN}Admin`), rec(`${ARN}/x`)),
      ok: true,
      events: 2,
      candidates: 0,
    },
    { name: "a backslash that is not an escape of its own", text: file(rec("C:\\\\users")), ok: true, events: 1, candidates: 0 },
    { name: "ARN written with \\/ escapes", text: file(rec(ARN.replace(/\//g, "\\/"))), ok: true, events: 1, candidates: 1 },
    { name: "ARN written with \\u002f", text: file(rec(ARN.replace(/\//g, "\\u002f"))), ok: true, events: 1, candidates: 1 },
    {
      name: "ARN inside request parameters",
      text: file(rec("arn:aws:iam::1:role/x", `,"requestParameters":{"roleArn":"${ARN}"}`)),
      ok: true,
      events: 1,
      candidates: 1,
    },
    {
      name: "escaped quote and nested braces in strings",
      text: file(rec("x", ',"p":"{\\"eventVersion\\":1} ]} },{"'), rec(ARN)),
      ok: true,
      events: 2,
      candidates: 1,
    },
    { name: "trailing newline", text: `${file(rec(ARN))}\n`, ok: true, events: 1, candidates: 1 },
    { name: "pretty-printed (not canonical)", text: JSON.stringify({ Records: [JSON.parse(rec(ARN))] }, null, 2), ok: false },
    { name: "key order differs", text: '{"Records":[{"eventTime":"x","eventVersion":"1"}]}', ok: false },
    { name: "truncated", text: file(rec(ARN), rec("x")).slice(0, -30), ok: false },
    { name: "not CloudTrail", text: '{"foo":[1,2,3]}', ok: false },
    {
      name: "nested eventVersion object as a value",
      text: file(rec(ARN, ',"x":{"eventVersion":"2"}')),
      ok: true,
      events: 1,
      candidates: 1,
    },
    { name: "empty", text: "", ok: false },
  ];
  for (const size of [1, 7, 64, 1 << 20]) {
    for (const c of cases) {
      it(`${c.name} (chunks of ${size})`, () => {
        const r = scan(c.text, size);
        expect(r.ok).toBe(c.ok);
        if (c.ok) {
          expect(r.eventsRead).toBe(c.events);
          expect(r.candidates.length).toBe(c.candidates);
        }
      });
    }
  }

  it("returns the records exactly as JSON.parse reads them", () => {
    const text = file(rec("a"), rec(ARN, ',"requestParameters":{"s":"caf\\u00e9 \\"q\\" \\\\"}'), rec("b"));
    for (const size of [1, 3, 1000]) {
      const r = scan(text, size);
      expect(r.candidates.map((c) => JSON.parse(c))).toEqual([JSON.parse(text).Records[1]]);
    }
  });

  it("a nested record-like array splits wrongly and yields an unparseable candidate (the caller re-reads in full)", () => {
    const r = scan(file(rec(ARN, ',"x":[{"a":1},{"eventVersion":"2"}]')), 64);
    expect(r.ok).toBe(true);
    expect(() => r.candidates.forEach((c) => JSON.parse(c))).toThrow();
  });
});
