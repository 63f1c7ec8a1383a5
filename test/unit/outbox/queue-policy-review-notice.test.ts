import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { PersonaDirectory } from "../../../src/server/adapters/identity/personas.js";
import type { SqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { AppDeps } from "../../../src/server/app/deps.js";
import { queueDailyGovernance } from "../../../src/server/app/queue-daily-governance.js";
import { DEFAULT_SETTINGS } from "../../../src/server/domain/settings.js";

let store: SqliteCaseStore;
let clock: FixedClock;
let deps: AppDeps;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock("2026-12-01T10:00:00Z");
  deps = {
    store,
    blobs: null as never,
    documents: null as never,
    clock,
    directory: new PersonaDirectory(),
    policy: { current: async () => ({ ...DEFAULT_SETTINGS, policyReviewDate: "2027-01-15" }) },
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

describe("daily governance", () => {
  test("retention is queued once a day; the review reminder emails admins and directors once, a month ahead", async () => {
    expect(await queueDailyGovernance({ deps })).toBe(1);
    expect(await queueDailyGovernance({ deps })).toBe(0);
    expect((await store.listJobs({})).map((j) => j.id)).toEqual(["apply-retention-2026-12-01"]);

    clock.set("2026-12-16T10:00:00Z"); // 30 days before the review date
    await queueDailyGovernance({ deps });
    clock.set("2026-12-17T10:00:00Z");
    await queueDailyGovernance({ deps });
    const notices = (await store.listJobs({})).filter((j) => j.kind === "send-notice-email");
    expect(notices.map((j) => j.payload.userId).sort()).toEqual(["admin", "director", "director-2"]);
    expect(notices[0]?.payload).toMatchObject({ purpose: "policy-review", reviewDate: "2027-01-15" });
    expect((await store.listJobs({})).filter((j) => j.kind === "apply-retention")).toHaveLength(3);
  });
});
