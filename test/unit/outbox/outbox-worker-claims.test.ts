/**
 * The outbox worker as one of several servers: it takes over a dead server's jobs as outcome-unknown (so the
 * delivery checks for its effect first), and on stop it finishes what runs or gives the claims back.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { type JobHandler, OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { OutboxJob } from "../../../src/server/ports/case-store.js";
import { OUTCOME_UNKNOWN } from "../../../src/server/ports/delivery-error.js";

const SECOND = 1000;
let store: KyselyCaseStore;
let clock: FixedClock;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock("2026-11-24T10:00:00.000Z");
});
afterEach(async () => {
  await store.close();
});

async function enqueue(caseId: string | null = null): Promise<string> {
  const id = randomUUID();
  await store.transaction((tx) =>
    tx.enqueue({ id, kind: "send-email", caseId, payload: {}, createdAt: clock.now().toISOString() }),
  );
  return id;
}

function worker(handler: JobHandler, options: { stopWaitMs?: number; workerId?: string } = {}): OutboxWorker {
  return new OutboxWorker({
    store,
    clock,
    pollMs: 1e9,
    handlers: { "send-email": handler },
    leaseMs: 60 * SECOND,
    unknownOutcomeWaitMs: 120 * SECOND,
    ...options,
  });
}

const job = async (id: string) => (await store.getJob(id)) as OutboxJob;

describe("outbox worker with claims", () => {
  test("takes over a dead server's job only after its lease and the wait, as outcome-unknown, once", async () => {
    const id = await enqueue();
    // Another server claimed it and died mid-delivery: its lease is never renewed.
    await store.claimJobs({
      workerId: "dead-server",
      now: clock.now().toISOString(),
      leaseUntil: new Date(clock.now().getTime() + 60 * SECOND).toISOString(),
      limit: 1,
    });
    const seen: OutboxJob[] = [];
    const run = async () => {
      const w = worker(async (j) => {
        seen.push(j);
      });
      w.start();
      await w.idle();
      await w.stop();
    };
    clock.advance(59 * SECOND);
    await run();
    expect(seen).toEqual([]); // the lease still runs
    clock.advance(2 * SECOND);
    await run();
    expect(seen).toEqual([]); // taken back, but waiting for Sent Items and the channel to catch up
    expect((await job(id)).lastError).toContain(OUTCOME_UNKNOWN);
    clock.advance(120 * SECOND);
    await run();
    expect(seen).toHaveLength(1);
    // The delivery sees a previous attempt whose outcome is unknown: it looks for its marker before sending.
    expect(seen[0]?.attempts).toBe(1);
    expect(seen[0]?.lastError).toContain(OUTCOME_UNKNOWN);
    expect((await job(id)).status).toBe("done");
  });

  test("a sole worker (SQLite) takes over a dead process's claims at start, without waiting for their leases", async () => {
    const id = await enqueue();
    await store.claimJobs({
      workerId: "killed-process",
      now: clock.now().toISOString(),
      leaseUntil: new Date(clock.now().getTime() + 60 * SECOND).toISOString(),
      limit: 1,
    });
    const seen: OutboxJob[] = [];
    const w = new OutboxWorker({
      store,
      clock,
      pollMs: 1e9,
      handlers: { "send-email": async (j) => void seen.push(j) },
      soleWorker: true,
    });
    w.start();
    await w.idle();
    await w.stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.lastError).toContain(OUTCOME_UNKNOWN); // still checked for before anything is sent again
    expect((await job(id)).status).toBe("done");
  });

  test("on stop, lets a running job finish and gives back a claimed job it had not started", async () => {
    // Jobs of no case run one after another: the second waits, claimed, behind the first.
    const running = await enqueue();
    clock.advance(1);
    const waiting = await enqueue();
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const delivered: string[] = [];
    const w = worker(async (j) => {
      started();
      await new Promise((r) => setTimeout(r, 50));
      delivered.push(j.id);
    });
    w.start();
    await firstStarted;
    await w.stop();
    expect(delivered).toEqual([running]);
    expect((await job(running)).status).toBe("done");
    expect(await job(waiting)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    // Nobody holds it: another server may claim it straight away.
    const now = clock.now().toISOString();
    const claimed = await store.claimJobs({ workerId: "other", now, leaseUntil: "9999", limit: 5 });
    expect(claimed.map((j) => j.id)).toEqual([waiting]);
  });

  test("on stop, gives back a job that does not finish in time as cut short, for another server to check", async () => {
    const id = await enqueue();
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const w = worker(
      () => {
        started();
        return new Promise<void>(() => {}); // a delivery that hangs
      },
      { stopWaitMs: 50 },
    );
    w.start();
    await running;
    await w.stop();
    const j = await job(id);
    expect(j).toMatchObject({ status: "pending", attempts: 1 });
    expect(j.lastError).toContain(OUTCOME_UNKNOWN);
    expect(Date.parse(j.nextAttemptAt) - clock.now().getTime()).toBe(120 * SECOND);
    expect(await store.reclaimExpired("9999", "9999")).toBe(0); // released, not left to run out
  });
});
