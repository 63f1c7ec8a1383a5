/**
 * Graph's channel-message limits, both of them (DESIGN §5): 2 posts a second per app per tenant and 4 a second per
 * team. Board posts to two teams, from several cases' queues running side by side, on a simulated clock: the
 * spacing the service would see is checked pair by pair.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import { channelPostLimits, type RateLimit } from "../../../src/server/adapters/outbox/rate-limits.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import { buildCase } from "../../contract/case-store.contract.js";

let store: KyselyCaseStore;
let clock: FixedClock;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock("2026-11-24T10:00:00.000Z");
});
afterEach(async () => {
  await store.close();
});

/** One case per post, so the worker runs their queues side by side and only the limits keep them apart. */
async function seedPosts(teams: string[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [n, teamId] of teams.entries()) {
      const caseId = randomUUID();
      await tx.insertCase({ ...buildCase(), id: caseId });
      await tx.enqueue({
        id: randomUUID(),
        kind: "post-board-card",
        caseId,
        payload: { event: "outcome-sent", teamId },
        // Written one after another (in the past, so all are due): the worker takes them in this order.
        createdAt: new Date(clock.now().getTime() - 1000 + n).toISOString(),
      });
    }
    // A job of another kind must not wait behind the channel's limits.
    await tx.enqueue({
      id: randomUUID(),
      kind: "send-email",
      caseId: null,
      payload: {},
      createdAt: clock.now().toISOString(),
    });
  });
}

async function deliverAll(rateLimits: RateLimit[]): Promise<Array<{ kind: string; team: string; at: number }>> {
  const seen: Array<{ kind: string; team: string; at: number }> = [];
  const record = async (job: { kind: string; payload: Record<string, unknown> }) => {
    seen.push({ kind: job.kind, team: String(job.payload.teamId ?? ""), at: clock.now().getTime() });
  };
  const worker = new OutboxWorker({
    store,
    clock,
    pollMs: 1e9,
    batchSize: 50,
    handlers: { "post-board-card": record, "send-email": record },
    rateLimits,
    sleep: async (ms) => clock.advance(ms),
  });
  worker.start();
  await worker.idle();
  await worker.stop();
  return seen;
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, n) => t - (times[n] ?? 0));
const teamOf = (job: { payload: Record<string, unknown> }) => String(job.payload.teamId);

describe("channel-message limits", () => {
  test("Graph's limits: every post at least 500 ms after the last (2/s per tenant), posts to one team at least 250 ms apart", async () => {
    await seedPosts(["A", "B", "A", "A", "B", "A", "B", "B"]);
    const started = clock.now().getTime();
    const seen = await deliverAll(channelPostLimits({ teamOf }));
    const posts = seen.filter((s) => s.kind === "post-board-card");
    expect(posts).toHaveLength(8);
    expect(Math.min(...gaps(posts.map((p) => p.at)))).toBeGreaterThanOrEqual(500);
    for (const team of ["A", "B"]) {
      expect(Math.min(...gaps(posts.filter((p) => p.team === team).map((p) => p.at)))).toBeGreaterThanOrEqual(250);
    }
    // Not slower than the limit either: 8 posts need 7 gaps of half a second.
    expect(clock.now().getTime() - started).toBe(3500);
    // The email was not held up by the channel's queue.
    expect(seen.find((s) => s.kind === "send-email")?.at).toBe(started);
  });

  test("the per-team limit binds on its own when the tenant allows more: one team's posts 250 ms apart, the other team's in between", async () => {
    await seedPosts(["A", "B", "A", "B", "A", "B", "A", "B"]);
    const started = clock.now().getTime();
    const seen = await deliverAll(channelPostLimits({ teamOf, perTenantPerSecond: 10, perTeamPerSecond: 4 }));
    const posts = seen.filter((s) => s.kind === "post-board-card");
    expect(Math.min(...gaps(posts.map((p) => p.at)))).toBeGreaterThanOrEqual(100);
    for (const team of ["A", "B"]) {
      const times = posts.filter((p) => p.team === team).map((p) => p.at);
      expect(times).toHaveLength(4);
      expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(250);
    }
    // A at 0, B at 100 (tenant gap), A at 250 (team gap), B at 350 … the last B at 850: two teams side by side.
    expect(posts.map((p) => p.at - started)).toEqual([0, 100, 250, 350, 500, 600, 750, 850]);
  });
});
