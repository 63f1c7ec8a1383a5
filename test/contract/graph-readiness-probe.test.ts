/**
 * /readyz's Graph check against the emulator (real msal-node and Graph clients), and the readiness use case's
 * verdicts: Graph down or the outbox stuck makes the instance not ready, with reasons and no personal data.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { GraphReadinessProbe } from "../../src/server/adapters/graph/graph-readiness-probe.js";
import { checkReadiness } from "../../src/server/app/check-readiness.js";
import type { CaseStore, OutboxJob } from "../../src/server/ports/case-store.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";

let emulator: GraphEmulator;
let graph: GraphConnection;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  graph = connectToEmulator(emulator);
});
afterAll(async () => {
  graph?.close();
  await emulator?.close();
});

const job = (createdAt: string): OutboxJob => ({
  id: "j1",
  kind: "send-email",
  caseId: "c1",
  payload: {},
  status: "pending",
  attempts: 3,
  nextAttemptAt: createdAt,
  lastError: null,
  createdAt,
  doneAt: null,
  retriedAt: null,
});

function storeWith(pending: OutboxJob[], dead = 0, fail = false): CaseStore {
  return {
    listJobs: async ({ status }: { status?: string }) => {
      if (fail) throw new Error("SQLITE_CANTOPEN: unable to open database file");
      return status === "dead" ? Array.from({ length: dead }, () => job("2026-11-01T00:00:00Z")) : pending;
    },
  } as unknown as CaseStore;
}

const clock = { now: () => new Date("2026-11-26T12:00:00Z") };

describe("Graph readiness probe", () => {
  test("answers when the token endpoint and the library answer; remembers a success briefly", async () => {
    let now = 0;
    const probe = new GraphReadinessProbe({ graph: graph.appGraph, driveId: emulator.options.driveId, now: () => now });
    expect(await probe.check()).toEqual({ cachedSeconds: 0 });
    // Graph down now, but a success 10 s ago stands.
    emulator.faults.add({ match: /^GET \/v1\.0\/drives\//, kind: "status", status: 503, times: 1 });
    now = 10_000;
    expect(await probe.check()).toEqual({ cachedSeconds: 10 });
    now = 60_000;
    await expect(probe.check()).rejects.toThrow(/Graph did not answer as expected \(503/);
  });

  test("an unknown library is a failure, not a pass", async () => {
    const probe = new GraphReadinessProbe({ graph: graph.appGraph, driveId: "b!not-the-library" });
    await expect(probe.check()).rejects.toThrow(/404/);
  });
});

describe("checkReadiness", () => {
  test("ready: database answers, outbox moving, Graph answers", async () => {
    const probe = new GraphReadinessProbe({ graph: graph.appGraph, driveId: emulator.options.driveId });
    const r = await checkReadiness({
      deps: { store: storeWith([job("2026-11-26T11:59:00Z")], 2), clock },
      probes: [probe],
    });
    expect(r.ready).toBe(true);
    expect(r.checks.map((c) => [c.name, c.ok])).toEqual([
      ["database", true],
      ["outbox", true],
      ["graph", true],
    ]);
    expect(r.checks[1]?.detail).toEqual({ backlog: 1, oldestPendingSeconds: 60, needsAttention: 2 });
  });

  test("not ready: the outbox has not moved for hours, or the database does not answer", async () => {
    const stuck = await checkReadiness({
      deps: { store: storeWith([job("2026-11-26T01:00:00Z")]), clock },
      probes: [],
    });
    expect(stuck.ready).toBe(false);
    expect(stuck.checks[1]?.detail.problem).toBe("deliveries have not moved for hours");
    const down = await checkReadiness({ deps: { store: storeWith([], 0, true), clock }, probes: [] });
    expect(down.ready).toBe(false);
    expect(down.checks).toEqual([
      expect.objectContaining({ name: "database", ok: false, detail: { problem: expect.stringContaining("SQLITE") } }),
    ]);
  });

  test("a check that hangs fails after the timeout instead of hanging /readyz", async () => {
    const hanging = { name: "graph", check: () => new Promise<never>(() => {}) };
    const r = await checkReadiness({ deps: { store: storeWith([]), clock }, probes: [hanging], timeoutMs: 50 });
    expect(r.ready).toBe(false);
    expect(r.checks[2]).toMatchObject({ name: "graph", ok: false, detail: { problem: "no answer within 50 ms" } });
  });
});
