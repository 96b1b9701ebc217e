import { describe, expect, it } from "vitest";
import { parsePrincipalArn } from "@/lib/core/arn";
import { recordMatchesPrincipal } from "@/lib/core/principal";
import type { CloudTrailRecord } from "@/lib/core/types";
import { scanFile } from "./scan-file";
import { T_ROLE } from "./testing-trail";
import { warmUp, warmUpLog } from "./warm-up";

const principal = parsePrincipalArn(T_ROLE);

describe("warm-up of a prestarted worker", () => {
  it("runs the real fast path: the synthetic file is canonical and sifts like a full parse", async () => {
    const compressed = warmUpLog(principal);
    const fast = await scanFile({ file: "w", compressed, principal, fastPath: true });
    const full = await scanFile({ file: "w", compressed, principal, fastPath: false });
    expect(fast.usedFastPath).toBe(true);
    expect(fast.eventsRead).toBe(120);
    expect(full.eventsRead).toBe(120);
    const mine = (texts: string[]) =>
      texts.map((t) => JSON.parse(t) as CloudTrailRecord).filter((r) => recordMatchesPrincipal(r, principal));
    expect(mine(fast.candidates)).toEqual(mine(full.candidates));
    expect(mine(fast.candidates)).toHaveLength(15);
    // the escaped records are candidates too (the escape branch runs)
    expect(fast.candidates.length).toBeGreaterThan(15);
  });

  it("stops when real work comes and within its budget", async () => {
    expect(await warmUp(principal, () => true)).toBe(0);
    let calls = 0;
    expect(await warmUp(principal, () => ++calls > 3)).toBe(3);
    const started = performance.now();
    const runs = await warmUp(principal, () => false, 30);
    expect(runs).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(30 + 200);
  });
});
