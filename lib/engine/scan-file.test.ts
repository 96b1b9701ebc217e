import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { parsePrincipalArn } from "@/lib/core/arn";
import { scanFile } from "./scan-file";
import { T_ROLE, roleRecord } from "./testing-trail";

const principal = parsePrincipalArn(T_ROLE);

function bigFile(): Buffer {
  const records = [];
  for (let i = 0; i < 3000; i++) {
    const own = i % 7 === 0;
    records.push(
      roleRecord(
        { eventID: `e${i}`, requestParameters: { pad: "x".repeat(200 + (i % 50)), i } },
        own ? T_ROLE : "arn:aws:iam::111122223333:role/Other",
      ),
    );
  }
  return gzipSync(Buffer.from(JSON.stringify({ Records: records })));
}

describe("scanFile", () => {
  it("streams large files through the same fast path (records split across 1 MB chunks)", async () => {
    const compressed = bigFile();
    const whole = await scanFile({ file: "f", compressed, principal, fastPath: true });
    const streamed = await scanFile({ file: "f", compressed, principal, fastPath: true, syncInflateMax: 0 });
    const full = await scanFile({ file: "f", compressed, principal, fastPath: false });
    expect(whole.usedFastPath && streamed.usedFastPath).toBe(true);
    expect(streamed.eventsRead).toBe(3000);
    expect(streamed).toEqual(whole);
    expect(streamed.candidates.map((c) => JSON.parse(c))).toEqual(full.candidates.map((c) => JSON.parse(c)));
    expect(full.candidates.length).toBe(Math.ceil(3000 / 7));
  });

  it("reports a truncated gzip stream in both modes", async () => {
    const cut = bigFile().subarray(0, 5000);
    for (const syncInflateMax of [undefined, 0]) {
      const r = await scanFile({ file: "f", compressed: cut, principal, fastPath: true, syncInflateMax });
      expect(r.skipped?.code).toBe("CORRUPT_GZIP");
      expect(r.candidates).toEqual([]);
    }
  });
});
