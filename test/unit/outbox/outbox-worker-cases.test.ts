import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { CaseStore, OutboxJob } from "../../../src/server/ports/case-store.js";
import { systemClock } from "../../../src/server/ports/clock.js";
import { buildCase } from "../../contract/case-store.contract.js";

let dir = "";
let store: CaseStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "redress-outbox-"));
  store = await openSqliteCaseStore({ file: path.join(dir, "db.sqlite") });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function enqueue(caseIds: string[], perCase: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (const caseId of caseIds) {
      await tx.insertCase({ ...buildCase(), id: caseId });
      for (let n = 0; n < perCase; n++) {
        // Distinct, increasing creation times: the order the jobs were written in.
        const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
        await tx.enqueue({ id: randomUUID(), kind: "step", caseId, payload: { n }, createdAt });
      }
    }
  });
}

describe("OutboxWorker", () => {
  it("delivers different cases side by side but each case's jobs in the order written", async () => {
    const cases = [randomUUID(), randomUUID(), randomUUID()];
    await enqueue(cases, 4);
    const delivered: Array<{ caseId: string | null; n: number }> = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const worker = new OutboxWorker({
      store,
      clock: systemClock,
      pollMs: 10_000,
      handlers: {
        step: async (job: OutboxJob) => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 5));
          delivered.push({ caseId: job.caseId, n: Number(job.payload.n) });
          inFlight -= 1;
        },
      },
    });
    worker.start();
    await worker.idle();
    await worker.stop();
    for (const caseId of cases) {
      expect(delivered.filter((d) => d.caseId === caseId).map((d) => d.n)).toEqual([0, 1, 2, 3]);
    }
    expect(mostInFlight).toBeGreaterThan(1);
    expect(await store.listJobs({ status: "pending" })).toEqual([]);
  });

  it("leaves a job a handler completed itself as the handler left it (done once)", async () => {
    const caseId = randomUUID();
    await enqueue([caseId], 1);
    const worker = new OutboxWorker({
      store,
      clock: systemClock,
      pollMs: 10_000,
      handlers: {
        step: async (job: OutboxJob) => {
          await store.transaction((tx) => tx.completeJob(job.id, "2026-01-02T00:00:00.000Z"));
          return "completed" as const;
        },
      },
    });
    worker.start();
    await worker.idle();
    await worker.stop();
    const [job] = await store.listJobs({ caseId });
    expect(job).toMatchObject({ status: "done", attempts: 1, doneAt: "2026-01-02T00:00:00.000Z" });
  });
});
