/**
 * ScheduledWork: scheduled work runs on one server at a time. The in-process adapter (SQLite, one server) and the
 * PostgreSQL advisory lock (several servers; needs TEST_POSTGRES_URL, since PGlite has one session) pass the same
 * suite; "two servers" are two adapters on the same database, or the one adapter of a single server.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { InProcessScheduledWork } from "../../src/server/adapters/local/in-process-scheduled-work.js";
import { AdvisoryLockScheduledWork, lockKey } from "../../src/server/adapters/sql/advisory-lock-scheduled-work.js";
import type { ScheduledWork } from "../../src/server/ports/scheduled-work.js";
import { TEST_POSTGRES_URL } from "../support/postgres.js";

function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function scheduledWorkContract(name: string, servers: () => [ScheduledWork, ScheduledWork]): void {
  describe(`ScheduledWork contract: ${name}`, () => {
    it("skips a name on the other server while one runs it, and runs it there once it has finished", async () => {
      const [a, b] = servers();
      const release = gate();
      const started = gate();
      const first = a.runExclusively("daily-notices", async () => {
        started.open();
        await release.opened;
        return 1;
      });
      await started.opened;
      expect(await b.runExclusively("daily-notices", async () => 2)).toEqual({ ran: false });
      expect(await a.runExclusively("daily-notices", async () => 3)).toEqual({ ran: false });
      // Another name is not held up.
      expect(await b.runExclusively("retention", async () => 4)).toEqual({ ran: true, value: 4 });
      release.open();
      expect(await first).toEqual({ ran: true, value: 1 });
      expect(await b.runExclusively("daily-notices", async () => 5)).toEqual({ ran: true, value: 5 });
    });

    it("lets a failed run's error through and frees the name", async () => {
      const [a, b] = servers();
      await expect(
        a.runExclusively("daily-notices", async () => {
          throw new Error("the database went away");
        }),
      ).rejects.toThrow("the database went away");
      expect(await b.runExclusively("daily-notices", async () => "ran")).toEqual({ ran: true, value: "ran" });
    });

    it("runs a name exactly once among many calls at the same moment", async () => {
      const [a, b] = servers();
      let runs = 0;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).runExclusively("daily-notices", async () => {
            runs += 1;
            await new Promise((r) => setTimeout(r, 1500));
          }),
        ),
      );
      expect(runs).toBe(1);
      expect(results.filter((r) => r.ran)).toHaveLength(1);
    });
  });
}

scheduledWorkContract("in-process (one server)", () => {
  const one = new InProcessScheduledWork();
  return [one, one];
});

const url = TEST_POSTGRES_URL;
if (url) {
  scheduledWorkContract("PostgreSQL advisory lock (two servers)", () => [
    new AdvisoryLockScheduledWork({ url }),
    new AdvisoryLockScheduledWork({ url }),
  ]);

  describe("PostgreSQL advisory lock", () => {
    it("is released when the server holding it dies (its connection closes)", async () => {
      const dying = new pg.Client({ connectionString: url });
      await dying.connect();
      await dying.query("select pg_advisory_lock($1::bigint)", [lockKey("daily-notices")]);
      const work = new AdvisoryLockScheduledWork({ url });
      expect(await work.runExclusively("daily-notices", async () => "ran")).toEqual({ ran: false });
      await dying.end();
      expect(await work.runExclusively("daily-notices", async () => "ran")).toEqual({ ran: true, value: "ran" });
    });
  });
} else {
  // PGlite has a single session, so there is no second holder to contend with; CI sets TEST_POSTGRES_URL.
  console.info("TEST_POSTGRES_URL is not set: the PostgreSQL advisory-lock tests need a server and are not run.");
}
