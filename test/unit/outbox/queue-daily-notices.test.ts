import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { PersonaDirectory } from "../../../src/server/adapters/identity/personas.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { AppDeps } from "../../../src/server/app/deps.js";
import { queueDailyNotices } from "../../../src/server/app/queue-daily-notices.js";
import { DEFAULT_POLICY } from "../../../src/server/domain/policy.js";
import { buildCase, PEOPLE, triagedCase } from "../domain/builders.js";

let store: KyselyCaseStore;
let clock: FixedClock;
let deps: AppDeps;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock();
  deps = {
    store,
    blobs: null as never,
    documents: null as never,
    clock,
    directory: new PersonaDirectory(),
    policy: { current: async () => DEFAULT_POLICY },
    outbox: { notify: () => {} },
    newId: randomUUID,
    parseEmail: null as never,
    emailEnvelope: null as never,
    letters: null as never,
  };
});
afterEach(async () => {
  await store.close();
});

describe("queueDailyNotices", () => {
  test("in office hours on a working day: one digest and a due-soon notice per handler, once however often it runs", async () => {
    const c = triagedCase();
    await store.transaction((tx) => tx.insertCase({ ...c, id: randomUUID(), reference: "CMP-2026-0001" }));
    await store.transaction((tx) => tx.insertCase({ ...buildCase(), id: randomUUID(), reference: "CMP-2026-0002" }));
    // Two working days before the case's response is due, at 10:00 London.
    clock.set(`${c.responseDueDate}T10:00:00.000Z`);
    clock.advance(-2 * 24 * 3600_000);
    while (new Date(clock.now()).getUTCDay() % 6 === 0) clock.advance(-24 * 3600_000);
    expect(await queueDailyNotices({ deps })).toBe(2);
    expect(await queueDailyNotices({ deps })).toBe(0);
    const jobs = await store.listJobs({});
    expect(jobs.map((j) => j.kind).sort()).toEqual(["notify-person", "post-board-card"]);
    expect(jobs.find((j) => j.kind === "notify-person")?.payload).toEqual({
      userId: PEOPLE.handler,
      activity: "caseDueSoon",
    });
  });

  test("outside office hours and at weekends nothing is queued", async () => {
    clock.set("2026-11-24T19:30:00.000Z"); // a Tuesday evening
    expect(await queueDailyNotices({ deps })).toBe(0);
    clock.set("2026-11-28T11:00:00.000Z"); // a Saturday
    expect(await queueDailyNotices({ deps })).toBe(0);
  });
});
