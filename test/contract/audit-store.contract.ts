/**
 * The audit trail part of the CaseStore port (searchAudit, recordAccess, auditActors), run against every adapter:
 * reads, changes and accesses merged newest first; filters by case, person, time and type; keyset pages without
 * gaps or repeats. Hook a new adapter in with one line, as test/contract/sqlite-audit-store.test.ts does.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CaseStore } from "../../src/server/ports/case-store.js";
import { buildCase, type OpenedCaseStore } from "./case-store.contract.js";

export function auditStoreContract(name: string, open: () => Promise<OpenedCaseStore>): void {
  describe(`audit trail (${name})`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    /** Two cases; reads, changes and an access at known instants, one minute apart. */
    async function seeded(): Promise<{ store: CaseStore; a: string; b: string; refA: string }> {
      const opened = await open();
      cleanup = opened.cleanup;
      const { store } = opened;
      const a = buildCase({ reference: "CMP-2026-0101" });
      const b = buildCase({ reference: "CMP-2026-0102" });
      await store.transaction(async (tx) => {
        await tx.insertCase(a);
        await tx.insertCase(b);
        for (const [i, c] of [a, b].entries()) {
          await tx.appendTimeline({
            id: `t-${i}`,
            caseId: c.id,
            at: `2026-03-02T10:0${i}:00.000Z`,
            actorId: "user-ops",
            kind: "triaged",
            summary: "Triaged.",
            data: {},
          });
        }
      });
      await store.recordReads([
        { caseId: a.id, actorId: "user-handler", at: "2026-03-02T10:05:00.000Z", via: "case" },
        { caseId: a.id, actorId: "user-director", at: "2026-03-03T09:00:00.000Z", via: "audit" },
        { caseId: b.id, actorId: "user-handler", at: "2026-03-04T09:00:00.000Z", via: "document:d1" },
      ]);
      await store.recordAccess({
        actorId: "user-director",
        at: "2026-03-05T09:00:00.000Z",
        kind: "audit-search",
        caseId: null,
        detail: { actor: "user-handler" },
      });
      return { store, a: a.id, b: b.id, refA: a.reference };
    }

    it("merges reads, changes and accesses, newest first, with the case's reference", async () => {
      const { store, a, refA } = await seeded();
      const all = await store.searchAudit({ limit: 100 });
      expect(all.map((e) => [e.type, e.at])).toEqual([
        ["access", "2026-03-05T09:00:00.000Z"],
        ["read", "2026-03-04T09:00:00.000Z"],
        ["read", "2026-03-03T09:00:00.000Z"],
        ["read", "2026-03-02T10:05:00.000Z"],
        ["change", "2026-03-02T10:01:00.000Z"],
        ["change", "2026-03-02T10:00:00.000Z"],
      ]);
      const forA = await store.searchAudit({ caseId: a, limit: 100 });
      expect(forA).toHaveLength(3);
      for (const e of forA) expect(e.reference).toBe(refA);
      expect(forA.find((e) => e.type === "change")).toMatchObject({ how: "triaged", summary: "Triaged." });
    });

    it("filters by person, by time and by type", async () => {
      const { store } = await seeded();
      const handler = await store.searchAudit({ actorId: "user-handler", limit: 100 });
      expect(handler.map((e) => e.how)).toEqual(["document:d1", "case"]);
      const day = await store.searchAudit({
        from: "2026-03-03T00:00:00.000Z",
        to: "2026-03-04T00:00:00.000Z",
        limit: 100,
      });
      expect(day.map((e) => e.actorId)).toEqual(["user-director"]);
      const changes = await store.searchAudit({ types: ["change"], limit: 100 });
      expect(changes.every((e) => e.type === "change")).toBe(true);
      expect(changes).toHaveLength(2);
    });

    it("pages by (at, id) without gaps or repeats", async () => {
      const { store } = await seeded();
      const all = await store.searchAudit({ limit: 100 });
      const seen: string[] = [];
      let before: { at: string; id: string } | undefined;
      for (;;) {
        const page = await store.searchAudit({ limit: 2, before });
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.id));
        const last = page[page.length - 1];
        if (!last) break;
        before = { at: last.at, id: last.id };
      }
      expect(seen).toEqual(all.map((e) => e.id));
    });

    it("lists everyone in the trail once", async () => {
      const { store } = await seeded();
      expect(await store.auditActors()).toEqual(["user-director", "user-handler", "user-ops"]);
    });
  });
}
