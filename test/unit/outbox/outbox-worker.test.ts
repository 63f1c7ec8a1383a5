import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { OutboxJob } from "../../../src/server/ports/case-store.js";
import { DeliveryError, OUTCOME_UNKNOWN } from "../../../src/server/ports/delivery-error.js";

const MINUTE = 60_000;
let store: KyselyCaseStore;
let clock: FixedClock;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock("2026-11-24T10:00:00.000Z");
});
afterEach(async () => {
  await store.close();
});

async function enqueue(kind = "send-email"): Promise<string> {
  const id = randomUUID();
  await store.transaction((tx) =>
    tx.enqueue({ id, kind, caseId: null, payload: {}, createdAt: clock.now().toISOString() }),
  );
  return id;
}

async function runOnce(
  handler: (job: OutboxJob) => Promise<void>,
  options: { deadAfterMs?: number } = {},
): Promise<void> {
  const worker = new OutboxWorker({ store, clock, pollMs: 1e9, handlers: { "send-email": handler }, ...options });
  worker.start();
  await worker.idle();
  await worker.stop();
}

const job = async (id: string) => (await store.getJob(id)) as OutboxJob;

describe("outbox worker", () => {
  test("waits exactly Retry-After when Graph gives one", async () => {
    const id = await enqueue();
    await runOnce(async () => {
      throw new DeliveryError("Email: Graph answered 429 TooManyRequests", {
        permanent: false,
        retryAfterMs: 37_000,
        status: 429,
        graphCode: "TooManyRequests",
      });
    });
    const j = await job(id);
    expect(j.status).toBe("pending");
    expect(Date.parse(j.nextAttemptAt) - clock.now().getTime()).toBe(37_000);
  });

  test("backs off exponentially with jitter when there is no Retry-After", async () => {
    const id = await enqueue();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await runOnce(async () => {
        throw new DeliveryError("Email: Graph answered 503", { permanent: false, status: 503 });
      });
      const j = await job(id);
      waits.push(Date.parse(j.nextAttemptAt) - clock.now().getTime());
      clock.set(j.nextAttemptAt);
    }
    for (let n = 0; n < waits.length; n += 1) {
      expect(waits[n]).toBeGreaterThanOrEqual(1000 * 2 ** n * 0.5);
      expect(waits[n]).toBeLessThanOrEqual(1000 * 2 ** n);
    }
  });

  test("a permanent error is dead-lettered at once, kept, and not retried", async () => {
    const id = await enqueue();
    let calls = 0;
    await runOnce(async () => {
      calls += 1;
      throw new DeliveryError("Email: Graph answered 403 ErrorAccessDenied", {
        permanent: true,
        status: 403,
        graphCode: "ErrorAccessDenied",
      });
    });
    clock.advance(10 * MINUTE);
    await runOnce(async () => {
      calls += 1;
    });
    expect(calls).toBe(1);
    expect((await job(id)).status).toBe("dead");
    expect((await job(id)).lastError).toMatch(/403/);
  });

  test("transient failures are dead-lettered after the configured time, and a person's retry restarts the clock", async () => {
    const id = await enqueue();
    const failing = async () => {
      throw new Error("connection refused");
    };
    await runOnce(failing, { deadAfterMs: 30 * MINUTE });
    clock.advance(31 * MINUTE);
    await runOnce(failing, { deadAfterMs: 30 * MINUTE });
    expect((await job(id)).status).toBe("dead");
    await store.transaction((tx) => tx.reviveJob(id, clock.now().toISOString()));
    expect((await job(id)).status).toBe("pending");
    await runOnce(failing, { deadAfterMs: 30 * MINUTE });
    expect((await job(id)).status).toBe("pending"); // a fresh 30 minutes from the retry
    await runOnce(async () => {}, { deadAfterMs: 30 * MINUTE });
    clock.advance(60 * MINUTE);
    await runOnce(async () => {}, { deadAfterMs: 30 * MINUTE });
    expect((await job(id)).status).toBe("done");
  });

  test("an unknown outcome is remembered on the job for the next attempt", async () => {
    const id = await enqueue();
    await runOnce(async () => {
      throw new DeliveryError("Email: connection lost after sending", {
        permanent: false,
        outcomeUnknown: true,
        retryAfterMs: 1000,
      });
    });
    expect((await job(id)).lastError).toContain(OUTCOME_UNKNOWN);
  });

  test("a kind told to wait is paused while others carry on", async () => {
    const a = await enqueue();
    const b = await enqueue();
    let calls = 0;
    await runOnce(async () => {
      calls += 1;
      throw new DeliveryError("Email: throttled", { permanent: false, retryAfterMs: 60_000, status: 429 });
    });
    expect(calls).toBe(1); // the second job of the same kind waited instead of hitting the throttle
    expect((await job(a)).attempts + (await job(b)).attempts).toBe(1);
  });

  test("the pause follows the error's status field, not the words of its message", async () => {
    await enqueue();
    await enqueue();
    let calls = 0;
    // Words that look like throttling, but no status: a wait this adapter chose (Sent Items settling), not Graph's.
    await runOnce(async () => {
      calls += 1;
      throw new DeliveryError("Email: Graph answered 429 (outcome unknown)", {
        permanent: false,
        outcomeUnknown: true,
        retryAfterMs: 60_000,
      });
    });
    expect(calls).toBe(2); // nothing paused the kind: the second job was tried too
  });
});
