/**
 * The board's column counts (CaseStore.countCasesByStage), on every adapter: the number of cases in each stage,
 * the same as counting the board's own cards.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CaseStore } from "../../src/server/ports/case-store.js";
import { buildCase, type OpenedCaseStore, triageFor } from "./case-store.contract.js";

export function boardHeadContract(name: string, open: () => Promise<OpenedCaseStore>): void {
  describe(`CaseStore board counts: ${name}`, () => {
    let store: CaseStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      cleanup = opened.cleanup;
      await store.migrate();
    });

    afterEach(async () => {
      await cleanup();
    });

    it("counts nothing in an empty store", async () => {
      expect(await store.countCasesByStage()).toEqual({});
    });

    it("counts every case in its stage, as the board's cards do", async () => {
      const cases = [
        buildCase(),
        buildCase(),
        buildCase({ stage: "triaged", triage: triageFor("user-handler") }),
        buildCase({ stage: "closed" }),
        buildCase({ stage: "triaged", triage: triageFor("user-handler-2") }),
        buildCase({ stage: "triaged", triage: triageFor("user-handler") }),
      ];
      await store.transaction(async (tx) => {
        for (const c of cases) await tx.insertCase(c);
      });
      const counts = await store.countCasesByStage();
      expect(counts).toEqual({ received: 2, triaged: 3, closed: 1 });
      const cards = await store.listCaseCards({ scope: { all: true }, today: "2026-03-10", limit: 100 });
      for (const [stage, n] of Object.entries(counts)) {
        expect(cards.filter((c) => c.stage === stage)).toHaveLength(n);
      }
    });
  });
}
