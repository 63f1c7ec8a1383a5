/**
 * The worker's side of a graceful stop: a job it holds when stop() is called is finished (and recorded done) before
 * stop() resolves, and no further job is started after it. (Releasing claims on PostgreSQL is the pg work's.)
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";

let store: KyselyCaseStore;
const clock = new FixedClock("2026-11-24T10:00:00.000Z");

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
});
afterEach(async () => {
  await store.close();
});

test("stop() waits for the job in hand, records it done, and starts no other", async () => {
  // Written in the same instant, so the store orders them by id: sorted, ids[0] is the first.
  const ids = [randomUUID(), randomUUID()].sort();
  // Both jobs belong to one case: they run one after another, so the second waits behind the first.
  for (const id of ids) {
    await store.transaction((tx) =>
      tx.enqueue({ id, kind: "send-email", caseId: "case-1", payload: {}, createdAt: clock.now().toISOString() }),
    );
  }
  let release: () => void = () => {};
  const started: string[] = [];
  const worker = new OutboxWorker({
    store,
    clock,
    pollMs: 1e9,
    handlers: {
      "send-email": async (job) => {
        started.push(job.id);
        await new Promise<void>((r) => {
          release = r;
        });
      },
    },
  });
  worker.start();
  while (started.length === 0) await new Promise((r) => setTimeout(r, 5));
  let stopped = false;
  const stopping = worker.stop().then(() => {
    stopped = true;
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(started).toEqual([ids[0]]);
  expect((await store.getJob(ids[0] ?? ""))?.status).toBe("done");
  expect((await store.getJob(ids[1] ?? ""))?.status).toBe("pending");
});
