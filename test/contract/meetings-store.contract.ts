/**
 * What every CaseStore must do for governance (meetings, improvement actions, governance documents, surveys),
 * whatever database is behind it. An adapter's test file calls `meetingsStoreContract` with the same factory it
 * gives `caseStoreContract`.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GovernanceDocumentRecord, ImprovementActionRecord } from "../../src/server/ports/governance-store.js";
import { buildCase, type OpenedCaseStore } from "./case-store.contract.js";

const action = (over: Partial<ImprovementActionRecord> = {}): ImprovementActionRecord => ({
  id: randomUUID(),
  description: "Publish marking times.",
  ownerId: "handler",
  dueDate: "2026-12-01",
  caseId: null,
  meetingId: null,
  createdAt: "2026-11-20T10:00:00.000Z",
  createdBy: "director",
  doneAt: null,
  doneBy: null,
  doneNote: null,
  ...over,
});

const agenda = (sha256: string): GovernanceDocumentRecord => ({
  id: randomUUID(),
  kind: "meeting-agenda",
  folder: ["Directors", "Complaints", "Meetings", "2026-12-03"],
  name: "Operations Meeting 2026-12-03 complaints agenda.docx",
  contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  size: 1234,
  sha256,
  meetingId: null,
  createdAt: "2026-12-03T09:00:00.000Z",
  createdBy: "director",
  filedAt: null,
  webUrl: null,
});

export function meetingsStoreContract(name: string, open: () => Promise<OpenedCaseStore>): void {
  describe(`governance store contract: ${name}`, () => {
    let opened: OpenedCaseStore;
    beforeEach(async () => {
      opened = await open();
      await opened.store.migrate();
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it("keeps one meeting per date, found by id and by date, newest first", async () => {
      const { store } = opened;
      const meeting = (id: string, meetingDate: string) => ({
        id,
        meetingDate,
        attendees: ["Daniel Morgan", "Olivia Bennett"],
        notes: null,
        createdAt: "2026-11-01T10:00:00.000Z",
        createdBy: "director",
      });
      await store.transaction((tx) => tx.insertMeeting(meeting("m-1", "2026-11-05")));
      await store.transaction((tx) => tx.insertMeeting(meeting("m-2", "2026-12-03")));
      await expect(store.transaction((tx) => tx.insertMeeting(meeting("m-3", "2026-12-03")))).rejects.toThrow();
      expect((await store.listMeetings()).map((m) => m.id)).toEqual(["m-2", "m-1"]);
      expect(await store.getMeeting("m-1")).toMatchObject({
        meetingDate: "2026-11-05",
        attendees: ["Daniel Morgan", "Olivia Bennett"],
      });
      expect((await store.transaction((tx) => tx.getMeetingByDate("2026-12-03")))?.id).toBe("m-2");
      expect(await store.getMeeting("nope")).toBeNull();
    });

    it("tracks an improvement action to done exactly once; open ones first", async () => {
      const { store } = opened;
      const first = action({ dueDate: "2026-12-10" });
      const second = action({ dueDate: "2026-12-01" });
      await store.transaction(async (tx) => {
        await tx.insertImprovementAction(first);
        await tx.insertImprovementAction(second);
      });
      const done = { at: "2026-11-25T10:00:00.000Z", by: "handler", note: "Done." };
      expect(await store.transaction((tx) => tx.completeImprovementAction(second.id, done))).toBe(true);
      expect(await store.transaction((tx) => tx.completeImprovementAction(second.id, done))).toBe(false);
      expect(await store.transaction((tx) => tx.completeImprovementAction("missing", done))).toBe(false);
      const listed = await store.listImprovementActions();
      expect(listed.map((a) => [a.id, a.doneAt])).toEqual([
        [first.id, null],
        [second.id, done.at],
      ]);
      expect(await store.getImprovementAction(second.id)).toMatchObject({ doneBy: "handler", doneNote: "Done." });
    });

    it("records governance documents, marks them filed, and counts their blobs as referenced", async () => {
      const { store } = opened;
      const doc = agenda("a".repeat(64));
      await store.transaction((tx) => tx.insertGovernanceDocument(doc));
      expect(await store.getGovernanceDocument(doc.id)).toEqual(doc);
      expect((await store.referencedBlobs()).has(doc.sha256)).toBe(true);
      await store.transaction((tx) =>
        tx.markGovernanceDocumentFiled(doc.id, "2026-12-03T09:01:00.000Z", "https://x/y"),
      );
      expect(await store.listGovernanceDocuments({ kind: "meeting-agenda" })).toEqual([
        { ...doc, filedAt: "2026-12-03T09:01:00.000Z", webUrl: "https://x/y" },
      ]);
      expect(await store.listGovernanceDocuments({ kind: "annual-report" })).toEqual([]);
    });

    it("one survey per case, answered once; the token kept only as given (its hash)", async () => {
      const { store } = opened;
      const c = buildCase();
      await store.transaction((tx) => tx.insertCase(c));
      await store.transaction((tx) => tx.insertSurvey(c.id, "hash-1", "2026-11-20T10:00:00.000Z"));
      // A second invitation for the same case changes nothing.
      await store.transaction((tx) => tx.insertSurvey(c.id, "hash-2", "2026-11-21T10:00:00.000Z"));
      expect(await store.findSurveyByTokenHash("hash-2")).toBeNull();
      const answers = { easeOfComplaining: 4, keptInformed: 3, fairness: 5, onTime: "yes" as const };
      expect(await store.transaction((tx) => tx.answerSurvey("hash-1", answers, "2026-11-22T10:00:00.000Z"))).toBe(
        true,
      );
      expect(
        await store.transaction((tx) =>
          tx.answerSurvey("hash-1", { ...answers, fairness: 1 }, "2026-11-23T10:00:00.000Z"),
        ),
      ).toBe(false);
      expect(await store.findSurveyByTokenHash("hash-1")).toEqual({
        caseId: c.id,
        invitedAt: "2026-11-20T10:00:00.000Z",
        answeredAt: "2026-11-22T10:00:00.000Z",
        answers,
      });
      expect((await store.listSurveys()).map((s) => s.caseId)).toEqual([c.id]);
    });
  });
}
