/**
 * What every CaseStore must do for settings versions and data protection, whatever database is behind it. An
 * adapter's test calls `governanceStoreContract` with the same factory it gives `caseStoreContract`.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/server/domain/app-error.js";
import { DEFAULT_SETTINGS, type SettingsVersion } from "../../src/server/domain/settings.js";
import type { CaseStore } from "../../src/server/ports/case-store.js";
import { buildCase, type OpenedCaseStore } from "./case-store.contract.js";

const version = (n: number, change: Partial<SettingsVersion["settings"]> = {}): SettingsVersion => ({
  version: n,
  settings: { ...DEFAULT_SETTINGS, ...change, version: n },
  changedAt: `2026-11-${String(n).padStart(2, "0")}T10:00:00.000Z`,
  changedBy: "admin",
  changes: [`change ${n}`],
});

export function governanceStoreContract(name: string, open: () => Promise<OpenedCaseStore>): void {
  describe(`${name}: settings versions and data protection`, () => {
    let opened: OpenedCaseStore;
    let store: CaseStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it("keeps settings versions, newest first, and refuses a number already taken", async () => {
      expect(await store.listSettingsVersions(5)).toEqual([]);
      await store.transaction(async (tx) => {
        await tx.insertSettingsVersion(version(1));
        await tx.insertSettingsVersion(version(2, { responseWorkingDays: 12, closureDays: ["2026-12-24"] }));
      });
      const listed = await store.listSettingsVersions(5);
      expect(listed.map((v) => v.version)).toEqual([2, 1]);
      expect(listed[0]?.settings).toMatchObject({ version: 2, responseWorkingDays: 12, closureDays: ["2026-12-24"] });
      expect(listed[0]?.changes).toEqual(["change 2"]);
      const clash = await store.transaction((tx) => tx.insertSettingsVersion(version(2))).catch((e: unknown) => e);
      expect(clash).toBeInstanceOf(AppError);
      expect((clash as AppError).code).toBe("VERSION_CONFLICT");
      expect(await store.listSettingsVersions(1)).toHaveLength(1);
    });

    it("makes a shared secret once", async () => {
      const first = await store.getOrCreateSecret("k", () => "one");
      const second = await store.getOrCreateSecret("k", () => "two");
      expect([first, second]).toEqual(["one", "one"]);
    });

    it("deletes a case with everything recorded against it, and erases history words except procedural kinds", async () => {
      const gone = buildCase();
      const kept = buildCase();
      await store.transaction(async (tx) => {
        for (const c of [gone, kept]) {
          await tx.insertCase(c);
          await tx.addIntakeKey(`key-${c.id}`, c.id);
          for (const kind of ["logged", "triaged"]) {
            await tx.appendTimeline({
              id: randomUUID(),
              caseId: c.id,
              at: c.receivedAt,
              actorId: "staff",
              kind,
              summary: `${kind} words about Ada`,
              data: { note: "Ada" },
            });
          }
          await tx.enqueue({
            id: randomUUID(),
            kind: "file-document",
            caseId: c.id,
            payload: {},
            createdAt: c.receivedAt,
          });
        }
      });
      await store.recordReads([{ caseId: gone.id, actorId: "director", at: gone.receivedAt, via: "tab" }]);
      await store.transaction(async (tx) => {
        await tx.deleteCase(gone.id);
        await tx.eraseTimelineText(kept.id, ["triaged"], "[erased]");
        await tx.deleteDocuments(kept.id);
        await tx.appendDataProtectionLog({
          id: randomUUID(),
          at: "2032-12-01T10:00:00.000Z",
          actorId: "retention",
          action: "retention-delete",
          reference: gone.reference,
          closedOn: "2026-11-30",
          detail: "Closed 2026-11-30; kept 6 years.",
        });
      });
      expect(await store.getCase(gone.id)).toBeNull();
      expect(await store.findCaseIdByIntakeKey(`key-${gone.id}`)).toBeNull();
      expect(await store.listTimeline(gone.id)).toEqual([]);
      expect(await store.listReads(gone.id)).toEqual([]);
      expect(await store.listJobs({ caseId: gone.id })).toEqual([]);
      expect(await store.listJobs({ caseId: kept.id })).toEqual([]);
      const timeline = await store.listTimeline(kept.id);
      // Both entries share an instant; their order is the ids', so compare them by kind.
      const byKind = [...timeline].sort((a, b) => a.kind.localeCompare(b.kind));
      expect(byKind.map((t) => [t.kind, t.summary, t.data])).toEqual([
        ["logged", "[erased]", {}],
        ["triaged", "triaged words about Ada", { note: "Ada" }],
      ]);
      expect(await store.listDataProtectionLog(5)).toEqual([
        expect.objectContaining({ action: "retention-delete", reference: gone.reference, closedOn: "2026-11-30" }),
      ]);
    });
  });
}
