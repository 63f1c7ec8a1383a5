/**
 * Issue 5's fault figures, at test size (bench/graph-faults.bench.ts runs them at full size and reports them).
 */
import { describe, expect, test } from "vitest";
import { drainScenario, stormScenario, uploadScenario } from "../emulator/fault-scenarios.js";

describe("Graph faults", () => {
  test("429/503 on every call for a simulated day, then recovery: nothing lost, nothing twice, backlog cleared", async () => {
    const f = await stormScenario({ cases: 10 });
    expect(f.refusedDuringStorm).toBeGreaterThan(40);
    expect(f.jobsDone).toBe(40);
    expect(f.jobsDead).toBe(0);
    expect(f.emailsSent).toBe(10);
    expect(f.duplicateEmails).toBe(0);
    expect(f.cardsPosted).toBe(10);
    expect(f.duplicateCards).toBe(0);
    expect(f.noticesSent).toBe(10);
    expect(f.filesInSharePoint).toBe(10);
    expect(f.simulatedMinutesToClearAfterStorm).toBeLessThan(70);
  }, 120_000);

  test("500 queued board posts drain within Graph's channel limit in under ten minutes", async () => {
    const f = await drainScenario({ jobs: 500 });
    expect(f.cardsPosted).toBe(500);
    expect(f.throttledByGraph).toBe(0);
    expect(f.simulatedSeconds).toBeLessThanOrEqual(600);
    expect(f.simulatedSeconds).toBeGreaterThanOrEqual(249); // 2 per second is the limit: no faster
  }, 120_000);

  test("a large upload survives three cut connections, resuming, without holding the file in memory", async () => {
    const f = await uploadScenario({ megabytes: 40 });
    expect(f.intact).toBe(true);
    expect(f.resumes).toBe(3);
    expect(f.rssGrowthMb).toBeLessThanOrEqual(64);
  }, 120_000);
});
