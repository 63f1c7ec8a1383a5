/**
 * What every CaseStore must do, whatever database is behind it. Each adapter's test file calls
 * `caseStoreContract` with a factory that opens a fresh, empty store; the suite migrates it, uses it and cleans up.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/server/domain/app-error.js";
import { WorkingDayCalendar } from "../../src/server/domain/calendar/working-day-calendar.js";
import type { Appeal, ComplaintCase, Triage } from "../../src/server/domain/case.js";
import { DEFAULT_POLICY } from "../../src/server/domain/policy.js";
import { receiveComplaint } from "../../src/server/domain/procedure/receive.js";
import type {
  CaseListFilter,
  CaseStore,
  CaseStoreTransaction,
  DocumentRecord,
  OutboxJob,
  TimelineEntry,
} from "../../src/server/ports/case-store.js";

export interface OpenedCaseStore {
  store: CaseStore;
  /** Closes the store and removes whatever the factory created (file, schema, database). */
  cleanup(): Promise<void>;
}

const calendar = new WorkingDayCalendar(DEFAULT_POLICY);
let built = 0;

/** A case as intake makes it (stage `received`, deadlines from the default policy), with any fields replaced. */
export function buildCase(overrides: Partial<ComplaintCase> = {}): ComplaintCase {
  built += 1;
  const received = receiveComplaint({
    id: randomUUID(),
    // A year no test allocates from, so built references never collide with `nextReference`.
    reference: `CMP-2000-${String(built).padStart(4, "0")}`,
    channel: "email",
    subject: `Late course materials ${built}`,
    summary: "The workbook for unit 3 arrived two weeks after the course started.",
    complainant: { name: "Ada Learner", email: `ada.${built}@example.org`, relationship: "learner" },
    source: { messageId: `<m${built}.${randomUUID()}@mail.example.org>`, conversationId: null },
    receivedAt: new Date("2026-03-02T10:00:00Z"),
    loggedBy: "user-logger",
    loggedAt: new Date("2026-03-02T10:05:00Z"),
    policy: DEFAULT_POLICY,
    calendar,
  });
  return { ...received, ...overrides };
}

export const triageFor = (handlerId: string): Triage => ({
  category: "teaching",
  nature: "Materials late",
  serious: false,
  handlerId,
  aboutPersonIds: ["user-tutor"],
  loggerNamedInComplaint: false,
  interestConfirmed: true,
  awardingOrganisation: null,
  notes: null,
  at: "2026-03-03T09:00:00.000Z",
  by: "user-ops",
});

export const appealTo = (boardMemberId: string, responseDueDate: string): Appeal => ({
  receivedAt: "2026-03-20T11:00:00.000Z",
  grounds: "The outcome ignored the second email.",
  inTime: true,
  lateReason: null,
  boardMemberId,
  responseDueDate,
  reopened: false,
  by: "user-ops",
});

const reference = (year: number, seq: number): string => `CMP-${year}-${String(seq).padStart(4, "0")}`;
const ids = (cases: readonly { id: string }[]): string[] => cases.map((c) => c.id).sort();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("Expected the promise to reject, but it resolved");
    },
    (error: unknown) => error,
  );
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

function buildDocument(caseId: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: randomUUID(),
    caseId,
    name: "email.eml",
    kind: "email",
    contentType: "message/rfc822",
    size: 1234,
    sha256: "a".repeat(64),
    createdAt: "2026-03-02T10:05:00.000Z",
    createdBy: "user-logger",
    filedAt: null,
    webUrl: null,
    note: null,
    ...overrides,
  };
}

function buildEntry(caseId: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: randomUUID(),
    caseId,
    at: "2026-03-02T10:05:00.000Z",
    actorId: "user-logger",
    kind: "logged",
    summary: "Logged from an email.",
    data: {},
    ...overrides,
  };
}

class Boom extends Error {}

export function caseStoreContract(name: string, open: () => Promise<OpenedCaseStore>): void {
  describe(`CaseStore contract: ${name}`, () => {
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

    const insert = (...cases: ComplaintCase[]): Promise<void> =>
      store.transaction(async (tx) => {
        for (const c of cases) await tx.insertCase(c);
      });

    const list = (filter: Partial<CaseListFilter> = {}) =>
      store.listCases({ scope: { all: true }, today: "2026-03-10", limit: 500, ...filter });

    /** Allocates a reference, then throws: the whole transaction must roll back. */
    const allocateThenFail = (year: number, extra?: (tx: CaseStoreTransaction) => Promise<void>) =>
      store.transaction(async (tx) => {
        await tx.nextReference(year);
        await extra?.(tx);
        throw new Boom("cut short");
      });

    describe("migrate", () => {
      it("can run again and again without harm, keeping the data", async () => {
        const c = buildCase();
        await insert(c);
        await store.migrate();
        await store.migrate();
        expect(await store.getCase(c.id)).toStrictEqual(c);
        await store.transaction(async (tx) => {
          expect(await tx.nextReference(2026)).toBe(reference(2026, 1));
        });
      });
    });

    describe("references", () => {
      it("starts each year at 0001 and counts on per year", async () => {
        const next = (year: number) => store.transaction((tx) => tx.nextReference(year));
        expect(await next(2026)).toBe("CMP-2026-0001");
        expect(await next(2026)).toBe("CMP-2026-0002");
        expect(await next(2026)).toBe("CMP-2026-0003");
        expect(await next(2027)).toBe("CMP-2027-0001");
        expect(await next(2027)).toBe("CMP-2027-0002");
        expect(await next(2026)).toBe("CMP-2026-0004");
        expect(await next(2025)).toBe("CMP-2025-0001");
      });

      it("gives 50 concurrent transactions 50 different references with no gaps", async () => {
        const allocated = await Promise.all(
          Array.from({ length: 50 }, () =>
            store.transaction(async (tx) => {
              const ref = await tx.nextReference(2026);
              await tx.insertCase(buildCase({ reference: ref }));
              return ref;
            }),
          ),
        );
        const expected = Array.from({ length: 50 }, (_, i) => reference(2026, i + 1));
        expect([...allocated].sort()).toEqual(expected);
        expect((await list()).cases.map((c) => c.reference).sort()).toEqual(expected);
      });

      it("reuses the number a failed transaction allocated, so there is no gap", async () => {
        expect(await store.transaction((tx) => tx.nextReference(2026))).toBe("CMP-2026-0001");
        await expect(
          allocateThenFail(2026, async (tx) => {
            await tx.insertCase(buildCase({ reference: "CMP-2026-0002" }));
          }),
        ).rejects.toBeInstanceOf(Boom);
        expect(await store.transaction((tx) => tx.nextReference(2026))).toBe("CMP-2026-0002");
      });

      it("leaves no gap when some of many concurrent transactions fail after allocating", async () => {
        const settled = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) =>
            store.transaction(async (tx) => {
              const ref = await tx.nextReference(2026);
              if (i % 5 === 0) throw new Boom(`transaction ${i} cut short`);
              return ref;
            }),
          ),
        );
        const allocated = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
        expect(settled.filter((s) => s.status === "rejected")).toHaveLength(10);
        expect(allocated.sort()).toEqual(Array.from({ length: 40 }, (_, i) => reference(2026, i + 1)));
        expect(await store.transaction((tx) => tx.nextReference(2026))).toBe("CMP-2026-0041");
      });
    });

    describe("cases", () => {
      it("gives back exactly the case it stored", async () => {
        const c = buildCase();
        await store.transaction(async (tx) => {
          await tx.insertCase(c);
          expect(await tx.getCase(c.id)).toStrictEqual(c);
        });
        expect(await store.getCase(c.id)).toStrictEqual(c);
      });

      it("gives back a case with every part of the procedure filled in, unicode included", async () => {
        const c = buildCase({
          stage: "appeal",
          version: 7,
          channel: "post",
          subject: "Réclamation — «accès» refusé 🚫",
          summary: null,
          complainant: { name: "Zoë Ångström", email: null, relationship: "parent-or-guardian" },
          source: { messageId: null, conversationId: "AAQkAGI2TG93AAA=" },
          triage: { ...triageFor("user-handler"), awardingOrganisation: "City & Guilds", notes: "Line one\nline two" },
          acknowledgement: { sentAt: "2026-03-03T12:00:00.000Z", method: "email", by: "user-handler" },
          actions: [
            {
              id: "act-1",
              description: "Call the tutor",
              ownerId: "user-handler",
              dueDate: "2026-03-06",
              createdAt: "2026-03-03T12:30:00.000Z",
              createdBy: "user-handler",
              completedAt: "2026-03-05T08:00:00.000Z",
              completedBy: "user-handler",
              completionNote: "Spoke to her.",
            },
          ],
          consultations: [
            { directorId: "user-director", response: "Agree.", at: "2026-03-06T10:00:00.000Z", recordedBy: "user-h" },
          ],
          outcome: {
            result: "partly-upheld",
            reasons: "Materials were late; teaching was fine.",
            remedy: "Refund of £50",
            method: "post",
            sentAt: "2026-03-12T15:00:00.000Z",
            complainantReceiptDate: "2026-03-16",
            appealDeadline: "2026-03-30",
            by: "user-handler",
          },
          boardInformed: [{ of: "outcome", on: "2026-03-13", note: null, at: "2026-03-13T09:00:00.000Z", by: "u" }],
          meetings: [
            {
              meetingDate: "2026-03-18",
              notes: "Discussed.",
              minutesDocumentId: null,
              at: "2026-03-18T16:00:00.000Z",
              by: "u",
            },
          ],
          appeal: appealTo("user-board", "2026-04-03"),
          appealDecision: null,
          signposts: [{ awardingOrganisation: "NCFE", contact: null, note: "If still unhappy", at: "x", by: "u" }],
          closure: null,
          flags: ["differs-from-first-copy"],
        });
        await insert(c);
        expect(await store.getCase(c.id)).toStrictEqual(c);
      });

      it("answers null for a case it does not hold", async () => {
        expect(await store.getCase(randomUUID())).toBeNull();
        await store.transaction(async (tx) => {
          expect(await tx.getCase(randomUUID())).toBeNull();
        });
      });

      it("returns what the transaction's work returns", async () => {
        expect(await store.transaction(async () => ({ answer: 42 }))).toEqual({ answer: 42 });
      });
    });

    describe("updateCase", () => {
      it("stores the next version and keeps the searchable columns in step", async () => {
        const c = buildCase({ subject: "Original subject" });
        await insert(c);
        const changed: ComplaintCase = {
          ...c,
          version: 2,
          stage: "triaged",
          subject: "Changed subject",
          triage: triageFor("user-handler"),
        };
        await store.transaction((tx) => tx.updateCase(changed));
        expect(await store.getCase(c.id)).toStrictEqual(changed);
        expect(ids((await list({ handlerId: "user-handler" })).cases)).toEqual([c.id]);
        expect(ids((await list({ stage: "triaged" })).cases)).toEqual([c.id]);
        expect(ids((await list({ stage: "received" })).cases)).toEqual([]);
        expect(ids((await list({ q: "changed subject" })).cases)).toEqual([c.id]);
        expect(ids((await list({ q: "original subject" })).cases)).toEqual([]);

        const again: ComplaintCase = { ...changed, version: 3, stage: "investigating" };
        await store.transaction((tx) => tx.updateCase(again));
        expect(await store.getCase(c.id)).toStrictEqual(again);
      });

      it("refuses any version but the stored one plus one with VERSION_CONFLICT, changing nothing", async () => {
        const c = buildCase({ subject: "Original subject" });
        await insert(c);
        for (const version of [1, 3, 0, 10]) {
          const stale: ComplaintCase = {
            ...c,
            version,
            stage: "triaged",
            subject: "Stale change",
            triage: triageFor("user-handler"),
          };
          await expectAppError(
            store.transaction((tx) => tx.updateCase(stale)),
            "VERSION_CONFLICT",
          );
        }
        expect(await store.getCase(c.id)).toStrictEqual(c);
        expect(ids((await list({ handlerId: "user-handler" })).cases)).toEqual([]);
        expect(ids((await list({ q: "stale change" })).cases)).toEqual([]);
        expect(ids((await list({ stage: "received" })).cases)).toEqual([c.id]);
      });

      it("refuses a second change made from the same version", async () => {
        const c = buildCase();
        await insert(c);
        await store.transaction((tx) => tx.updateCase({ ...c, version: 2, subject: "First" }));
        await expectAppError(
          store.transaction((tx) => tx.updateCase({ ...c, version: 2, subject: "Second" })),
          "VERSION_CONFLICT",
        );
        expect((await store.getCase(c.id))?.subject).toBe("First");
      });

      it("refuses to update a case it does not hold", async () => {
        await expectAppError(
          store.transaction((tx) => tx.updateCase(buildCase({ version: 2 }))),
          "VERSION_CONFLICT",
        );
      });
    });

    describe("transactions", () => {
      it("roll back everything a failing transaction wrote", async () => {
        const existing = buildCase({ subject: "Before" });
        await insert(existing);
        const fresh = buildCase();
        const sha = "b".repeat(64);
        const error = await rejection(
          allocateThenFail(2026, async (tx) => {
            await tx.insertCase(fresh);
            await tx.addIntakeKey("msg:<rolled-back@example.org>", fresh.id);
            await tx.insertDocument(buildDocument(fresh.id, { sha256: sha }));
            await tx.appendTimeline(buildEntry(fresh.id));
            await tx.appendTimeline(buildEntry(existing.id, { kind: "changed" }));
            await tx.enqueue({
              id: randomUUID(),
              kind: "file-document",
              caseId: fresh.id,
              payload: {},
              createdAt: "t",
            });
            await tx.enqueue({ id: randomUUID(), kind: "post", caseId: null, payload: {}, createdAt: "t" });
            await tx.updateCase({ ...existing, version: 2, subject: "After" });
            expect(await tx.getCase(fresh.id)).toStrictEqual(fresh);
          }),
        );
        expect(error).toBeInstanceOf(Boom);

        expect(await store.getCase(fresh.id)).toBeNull();
        expect(await store.getCase(existing.id)).toStrictEqual(existing);
        expect(await store.findCaseIdByIntakeKey("msg:<rolled-back@example.org>")).toBeNull();
        expect(await store.listDocuments(fresh.id)).toEqual([]);
        expect(await store.listTimeline(fresh.id)).toEqual([]);
        expect(await store.listTimeline(existing.id)).toEqual([]);
        expect(await store.listJobs({})).toEqual([]);
        expect(await store.referencedBlobs()).toEqual(new Set());
        expect(ids((await list()).cases)).toEqual([existing.id]);
        expect(await store.transaction((tx) => tx.nextReference(2026))).toBe("CMP-2026-0001");
      });

      it("run side by side independently: each failing one rolls back alone, the others commit whole", async () => {
        const cases = Array.from({ length: 30 }, () => buildCase());
        const results = await Promise.allSettled(
          cases.map((c, i) =>
            store.transaction(async (tx) => {
              const allocated = await tx.nextReference(2027);
              await tx.insertCase({ ...c, reference: allocated });
              await tx.addIntakeKey(`msg:<side-by-side-${i}@example.org>`, c.id);
              await tx.appendTimeline(buildEntry(c.id));
              if (i % 3 === 1) throw new Boom(`cut short ${i}`);
              return allocated;
            }),
          ),
        );
        const failed = cases.filter((_, i) => i % 3 === 1);
        const kept = cases.filter((_, i) => i % 3 !== 1);
        results.forEach((r, i) => {
          expect(r.status, `transaction ${i}`).toBe(i % 3 === 1 ? "rejected" : "fulfilled");
          if (r.status === "rejected") expect(r.reason).toBeInstanceOf(Boom);
        });
        for (const c of failed) {
          expect(await store.getCase(c.id)).toBeNull();
          expect(await store.listTimeline(c.id)).toEqual([]);
        }
        for (const c of kept) {
          expect((await store.getCase(c.id))?.id).toBe(c.id);
          expect(await store.listTimeline(c.id)).toHaveLength(1);
          expect(await store.findCaseIdByIntakeKey(`msg:<side-by-side-${cases.indexOf(c)}@example.org>`)).toBe(c.id);
        }
        // The references the kept ones got are exactly 1..20: the failed ones' numbers were given again.
        const references = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])).sort();
        expect(references).toEqual(kept.map((_, i) => reference(2027, i + 1)));
      });

      it("refuse a duplicate key in one of several concurrent transactions without harming the others", async () => {
        const [a, b, c] = [buildCase(), buildCase(), buildCase()];
        const results = await Promise.allSettled(
          [a, b, c].map((x, i) =>
            store.transaction(async (tx) => {
              await tx.insertCase(x);
              await tx.addIntakeKey(i === 2 ? "msg:<shared@example.org>" : `msg:<own-${i}@example.org>`, x.id);
              if (i === 2) await tx.addIntakeKey("msg:<shared@example.org>", x.id);
            }),
          ),
        );
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
        expect((await store.getCase(a.id))?.id).toBe(a.id);
        expect((await store.getCase(b.id))?.id).toBe(b.id);
        expect(await store.getCase(c.id)).toBeNull();
      });
    });

    describe("intake keys", () => {
      it("ties a key to a case, readable inside and after the transaction", async () => {
        const c = buildCase();
        await store.transaction(async (tx) => {
          await tx.insertCase(c);
          await tx.addIntakeKey("msg:<a@example.org>", c.id);
          await tx.addIntakeKey("content:abc123", c.id);
          expect(await tx.findCaseIdByIntakeKey("msg:<a@example.org>")).toBe(c.id);
        });
        expect(await store.findCaseIdByIntakeKey("msg:<a@example.org>")).toBe(c.id);
        expect(await store.findCaseIdByIntakeKey("content:abc123")).toBe(c.id);
        expect(await store.findCaseIdByIntakeKey("msg:<unknown@example.org>")).toBeNull();
        await store.transaction(async (tx) => {
          expect(await tx.findCaseIdByIntakeKey("content:abc123")).toBe(c.id);
          expect(await tx.findCaseIdByIntakeKey("content:other")).toBeNull();
        });
      });

      it("refuses the same key twice, and the transaction that tried rolls back", async () => {
        const first = buildCase();
        await store.transaction(async (tx) => {
          await tx.insertCase(first);
          await tx.addIntakeKey("msg:<dup@example.org>", first.id);
        });
        const second = buildCase();
        await expect(
          store.transaction(async (tx) => {
            const ref = await tx.nextReference(2026);
            await tx.insertCase({ ...second, reference: ref });
            await tx.appendTimeline(buildEntry(second.id));
            await tx.addIntakeKey("msg:<dup@example.org>", second.id);
          }),
        ).rejects.toThrow();
        expect(await store.findCaseIdByIntakeKey("msg:<dup@example.org>")).toBe(first.id);
        expect(await store.getCase(second.id)).toBeNull();
        expect(await store.listTimeline(second.id)).toEqual([]);
        expect(await store.transaction((tx) => tx.nextReference(2026))).toBe("CMP-2026-0001");
      });

      it("refuses the same key twice within one transaction", async () => {
        const c = buildCase();
        await expect(
          store.transaction(async (tx) => {
            await tx.insertCase(c);
            await tx.addIntakeKey("content:same", c.id);
            await tx.addIntakeKey("content:same", c.id);
          }),
        ).rejects.toThrow();
        expect(await store.getCase(c.id)).toBeNull();
        expect(await store.findCaseIdByIntakeKey("content:same")).toBeNull();
      });
    });

    describe("findBySource", () => {
      it("finds cases by Message-ID, by conversation, or by either", async () => {
        const a = buildCase({ source: { messageId: "<a@example.org>", conversationId: "conv-1" } });
        const b = buildCase({ source: { messageId: "<b@example.org>", conversationId: "conv-1" } });
        const c = buildCase({ source: { messageId: "<c@example.org>", conversationId: "conv-2" } });
        const post = buildCase({ channel: "post", source: { messageId: null, conversationId: null } });
        await insert(a, b, c, post);

        expect(await store.findBySource({ messageId: "<a@example.org>" })).toStrictEqual([a]);
        expect(ids(await store.findBySource({ conversationId: "conv-1" }))).toEqual(ids([a, b]));
        expect(ids(await store.findBySource({ messageId: "<c@example.org>", conversationId: "conv-1" }))).toEqual(
          ids([a, b, c]),
        );
        expect(await store.findBySource({ messageId: "<z@example.org>" })).toEqual([]);
        expect(await store.findBySource({ conversationId: "conv-9" })).toEqual([]);
        expect(await store.findBySource({})).toEqual([]);
      });
    });

    describe("listCases", () => {
      it("lists everything for scope all, and for a user only the cases they handle, judge or logged", async () => {
        const handled = buildCase({ stage: "triaged", triage: triageFor("user-u") });
        const judged = buildCase({
          stage: "appeal",
          triage: triageFor("user-v"),
          appeal: appealTo("user-u", "2026-04-01"),
        });
        const logged = buildCase({ loggedBy: "user-u" });
        const other = buildCase({ stage: "triaged", triage: triageFor("user-v") });
        await insert(handled, judged, logged, other);

        expect(ids((await list()).cases)).toEqual(ids([handled, judged, logged, other]));
        expect(ids((await list({ scope: { all: false, userId: "user-u" } })).cases)).toEqual(
          ids([handled, judged, logged]),
        );
        expect(ids((await list({ scope: { all: false, userId: "user-v" } })).cases)).toEqual(ids([judged, other]));
        expect(ids((await list({ scope: { all: false, userId: "user-logger" } })).cases)).toEqual(
          ids([handled, judged, other]),
        );
        expect((await list({ scope: { all: false, userId: "user-nobody" } })).cases).toEqual([]);
        expect(ids((await list({ scope: { all: false, userId: "user-u" }, stage: "triaged" })).cases)).toEqual([
          handled.id,
        ]);
      });

      it("filters by stage and by handler", async () => {
        const received = buildCase();
        const triagedH = buildCase({ stage: "triaged", triage: triageFor("user-h") });
        const investigatingH = buildCase({ stage: "investigating", triage: triageFor("user-h") });
        const investigatingK = buildCase({ stage: "investigating", triage: triageFor("user-k") });
        const closed = buildCase({ stage: "closed", triage: triageFor("user-k") });
        await insert(received, triagedH, investigatingH, investigatingK, closed);

        expect(ids((await list({ stage: "received" })).cases)).toEqual([received.id]);
        expect(ids((await list({ stage: "investigating" })).cases)).toEqual(ids([investigatingH, investigatingK]));
        expect(ids((await list({ stage: "closed" })).cases)).toEqual([closed.id]);
        expect((await list({ stage: "appeal" })).cases).toEqual([]);
        expect(ids((await list({ handlerId: "user-h" })).cases)).toEqual(ids([triagedH, investigatingH]));
        expect(ids((await list({ handlerId: "user-k", stage: "investigating" })).cases)).toEqual([investigatingK.id]);
        expect((await list({ handlerId: "user-nobody" })).cases).toEqual([]);
      });

      it("searches reference, subject, name and address, ignoring case and taking % _ and \\ literally", async () => {
        const percent = buildCase({ subject: "Refund of 100% of the fees" });
        const plain = buildCase({ subject: "Refund of 100 pounds" });
        const underscore = buildCase({ subject: "Report late_delivery" });
        const lookalike = buildCase({ subject: "Report lateXdelivery" });
        const backslash = buildCase({ subject: "Saved to C:\\temp by mistake" });
        const named = buildCase({
          subject: "Assessor was rude",
          complainant: { name: "Zoë Ångström", email: "Zoe.Angstrom@Example.ORG", relationship: "employer" },
        });
        await insert(percent, plain, underscore, lookalike, backslash, named);
        const search = async (q: string) => ids((await list({ q })).cases);

        expect(await search("REFUND")).toEqual(ids([percent, plain]));
        expect(await search("100%")).toEqual([percent.id]);
        expect(await search("%")).toEqual([percent.id]);
        expect(await search("late_delivery")).toEqual([underscore.id]);
        expect(await search("_")).toEqual([underscore.id]);
        expect(await search("c:\\temp")).toEqual([backslash.id]);
        expect(await search("\\")).toEqual([backslash.id]);
        expect(await search("ZOË ÅNG")).toEqual([named.id]);
        expect(await search("zoe.angstrom@example.org")).toEqual([named.id]);
        expect(await search(named.reference.toLowerCase())).toEqual([named.id]);
        expect(await search(percent.reference)).toEqual([percent.id]);
        expect(await search("nothing like this")).toEqual([]);
      });

      it("finds overdue cases: the current deadline is before today", async () => {
        const today = "2026-03-10";
        const late = buildCase({ responseDueDate: "2026-03-09" });
        const dueToday = buildCase({ responseDueDate: today });
        const dueLater = buildCase({ responseDueDate: "2026-03-11" });
        const lateInvestigating = buildCase({
          stage: "investigating",
          triage: triageFor("user-h"),
          responseDueDate: "2026-03-01",
        });
        const answered = buildCase({ stage: "outcome-sent", responseDueDate: "2026-03-01" });
        const lateAppeal = buildCase({
          stage: "appeal",
          responseDueDate: "2026-03-20",
          appeal: appealTo("user-b", "2026-03-05"),
        });
        const appealInTime = buildCase({
          stage: "appeal",
          responseDueDate: "2026-02-01",
          appeal: appealTo("user-b", "2026-03-20"),
        });
        const closed = buildCase({ stage: "closed", responseDueDate: "2026-01-01" });
        const all = [late, dueToday, dueLater, lateInvestigating, answered, lateAppeal, appealInTime, closed];
        await insert(...all);

        expect(ids((await list({ overdue: true, today })).cases)).toEqual(ids([late, lateInvestigating, lateAppeal]));
        expect(ids((await list({ overdue: false, today })).cases)).toEqual(ids(all));
        expect(ids((await list({ overdue: true, today: "2026-03-11" })).cases)).toEqual(
          ids([late, dueToday, lateInvestigating, lateAppeal]),
        );
        expect(ids((await list({ overdue: true, today, handlerId: "user-h" })).cases)).toEqual([lateInvestigating.id]);
      });

      describe("paging", () => {
        /** 120 cases, three to each instant, so the order needs a tie-breaker to be stable. */
        const manyCases = (): ComplaintCase[] =>
          Array.from({ length: 120 }, (_, i) =>
            buildCase({
              receivedAt: new Date(Date.UTC(2026, 0, 5, 9) + Math.floor(i / 3) * 60_000).toISOString(),
              ...(i % 4 === 0 ? { stage: "triaged" as const, triage: triageFor("user-h") } : {}),
            }),
          );

        async function readAll(filter: Partial<CaseListFilter>): Promise<{ pages: number[]; cases: ComplaintCase[] }> {
          const pages: number[] = [];
          const cases: ComplaintCase[] = [];
          let cursor: string | undefined;
          for (let guard = 0; guard < 100; guard += 1) {
            const page = await list({ ...filter, ...(cursor ? { cursor } : {}) });
            pages.push(page.cases.length);
            cases.push(...page.cases);
            if (!page.nextCursor) return { pages, cases };
            cursor = page.nextCursor;
          }
          throw new Error("Paging did not end");
        }

        const expectNewestFirst = (cases: readonly ComplaintCase[]) => {
          for (let i = 1; i < cases.length; i += 1) {
            expect((cases[i - 1] as ComplaintCase).receivedAt >= (cases[i] as ComplaintCase).receivedAt).toBe(true);
          }
        };

        it("walks 120 cases newest first with no duplicates or omissions", async () => {
          const all = manyCases();
          await insert(...all);
          const { pages, cases } = await readAll({ limit: 25 });
          expect(pages).toEqual([25, 25, 25, 25, 20]);
          expect(new Set(cases.map((c) => c.id)).size).toBe(120);
          expect(ids(cases)).toEqual(ids(all));
          expectNewestFirst(cases);
          expect(cases[0]?.receivedAt).toBe(all[119]?.receivedAt);
          expect(cases[119]?.receivedAt).toBe(all[0]?.receivedAt);
        });

        it("gives no cursor after a last page that is exactly full", async () => {
          await insert(...manyCases());
          const { pages, cases } = await readAll({ limit: 40 });
          expect(pages).toEqual([40, 40, 40]);
          expect(new Set(cases.map((c) => c.id)).size).toBe(120);
        });

        it("keeps the filter across pages", async () => {
          const all = manyCases();
          await insert(...all);
          const { cases } = await readAll({ limit: 7, stage: "triaged" });
          expect(ids(cases)).toEqual(ids(all.filter((c) => c.stage === "triaged")));
          expect(cases).toHaveLength(30);
          expectNewestFirst(cases);
        });

        it("answers a cursor it never gave out with MALFORMED_REQUEST", async () => {
          await insert(...manyCases().slice(0, 5));
          for (const cursor of ["not-a-cursor", "%%%", Buffer.from('{"a":1}').toString("base64url"), "e30"]) {
            await expectAppError(list({ limit: 2, cursor }), "MALFORMED_REQUEST");
          }
        });
      });
    });

    describe("documents", () => {
      it("stores documents, lists them in order, finds one and marks it filed", async () => {
        const c = buildCase();
        const other = buildCase();
        const email = buildDocument(c.id, { name: "email.eml", createdAt: "2026-03-02T10:05:00.000Z" });
        const attachment = buildDocument(c.id, {
          name: "Biodiversité de semaine.doc",
          kind: "attachment",
          contentType: "application/msword",
          size: 5 * 1024 * 1024,
          sha256: "c".repeat(64),
          createdAt: "2026-03-02T10:06:00.000Z",
          note: "differs-from-first-copy",
        });
        const elsewhere = buildDocument(other.id, { name: "letter.pdf", kind: "letter" });
        await store.transaction(async (tx) => {
          await tx.insertCase(c);
          await tx.insertCase(other);
          await tx.insertDocument(email);
          await tx.insertDocument(attachment);
          await tx.insertDocument(elsewhere);
          expect((await tx.listDocumentNames(c.id)).sort()).toEqual(["Biodiversité de semaine.doc", "email.eml"]);
        });

        expect(await store.listDocuments(c.id)).toStrictEqual([email, attachment]);
        expect(await store.listDocuments(other.id)).toStrictEqual([elsewhere]);
        expect(await store.listDocuments(randomUUID())).toEqual([]);
        expect(await store.getDocument(attachment.id)).toStrictEqual(attachment);
        expect(await store.getDocument(randomUUID())).toBeNull();

        await store.transaction(async (tx) => {
          await tx.markDocumentFiled(
            email.id,
            "2026-03-02T10:07:00.000Z",
            "https://contoso.sharepoint.com/x/email.eml",
          );
          await tx.markDocumentFiled(attachment.id, "2026-03-02T10:08:00.000Z", null);
        });
        expect(await store.getDocument(email.id)).toStrictEqual({
          ...email,
          filedAt: "2026-03-02T10:07:00.000Z",
          webUrl: "https://contoso.sharepoint.com/x/email.eml",
        });
        expect(await store.getDocument(attachment.id)).toStrictEqual({
          ...attachment,
          filedAt: "2026-03-02T10:08:00.000Z",
          webUrl: null,
        });
        expect(await store.getDocument(elsewhere.id)).toStrictEqual(elsewhere);
        await store.transaction(async (tx) => {
          expect(await tx.listDocumentNames(randomUUID())).toEqual([]);
        });
      });

      it("names every blob its documents refer to, once each", async () => {
        expect(await store.referencedBlobs()).toEqual(new Set());
        const a = buildCase();
        const b = buildCase();
        await store.transaction(async (tx) => {
          await tx.insertCase(a);
          await tx.insertCase(b);
          await tx.insertDocument(buildDocument(a.id, { name: "one", sha256: "1".repeat(64) }));
          await tx.insertDocument(buildDocument(a.id, { name: "two", sha256: "2".repeat(64) }));
          await tx.insertDocument(buildDocument(b.id, { name: "one", sha256: "1".repeat(64) }));
        });
        expect(await store.referencedBlobs()).toEqual(new Set(["1".repeat(64), "2".repeat(64)]));
      });
    });

    describe("timeline", () => {
      it("lists a case's entries in the order they happened, data included", async () => {
        const c = buildCase();
        const other = buildCase();
        const logged = buildEntry(c.id, { at: "2026-03-02T10:05:00.000Z", data: { channel: "email" } });
        const filed = buildEntry(c.id, {
          at: "2026-03-02T10:05:01.000Z",
          kind: "document-filed",
          summary: "Filed “email.eml”.",
          data: { documentId: "d1", nested: { list: [1, "two", null, true] } },
        });
        const triaged = buildEntry(c.id, { at: "2026-03-03T09:00:00.000Z", kind: "triaged", actorId: "user-ops" });
        await store.transaction(async (tx) => {
          await tx.insertCase(c);
          await tx.insertCase(other);
          await tx.appendTimeline(logged);
          await tx.appendTimeline(filed);
          await tx.appendTimeline(buildEntry(other.id));
        });
        await store.transaction((tx) => tx.appendTimeline(triaged));
        expect(await store.listTimeline(c.id)).toStrictEqual([logged, filed, triaged]);
        expect(await store.listTimeline(other.id)).toHaveLength(1);
        expect(await store.listTimeline(randomUUID())).toEqual([]);
      });
    });

    describe("reads", () => {
      it("records who read a case, when and how", async () => {
        const a = buildCase();
        const b = buildCase();
        await insert(a, b);
        await store.recordReads([]);
        await store.recordReads([
          { caseId: a.id, actorId: "user-h", at: "2026-03-02T11:00:00.000Z", via: "case-page" },
          { caseId: b.id, actorId: "user-h", at: "2026-03-02T11:00:00.000Z", via: "list" },
        ]);
        await store.recordReads([
          { caseId: a.id, actorId: "user-b", at: "2026-03-02T12:00:00.000Z", via: "meeting-pack" },
        ]);
        expect(await store.listReads(a.id)).toEqual([
          { actorId: "user-h", at: "2026-03-02T11:00:00.000Z", via: "case-page" },
          { actorId: "user-b", at: "2026-03-02T12:00:00.000Z", via: "meeting-pack" },
        ]);
        expect(await store.listReads(b.id)).toEqual([
          { actorId: "user-h", at: "2026-03-02T11:00:00.000Z", via: "list" },
        ]);
        expect(await store.listReads(randomUUID())).toEqual([]);
      });

      it("answers for each case of a listing recorded at once, and for no case it did not show", async () => {
        const [a, b, c, d] = [buildCase(), buildCase(), buildCase(), buildCase()];
        const otherYear = buildCase({ reference: "CMP-2001-0007" });
        await insert(a, b, c, d, otherYear);
        await store.recordReads([{ caseId: a.id, actorId: "user-h", at: "2026-03-02T12:00:00.000Z", via: "case" }]);
        // The board showed a, c, d and the case of another year, not b: the runs must leave b out.
        await store.recordListingRead({
          actorId: "user-o",
          at: "2026-03-02T11:00:00.000Z",
          via: "board",
          references: [d.reference, a.reference, otherYear.reference, c.reference],
        });
        await store.recordListingRead({
          actorId: "user-o",
          at: "2026-03-02T13:00:00.000Z",
          via: "board",
          references: [],
        });
        const board = { actorId: "user-o", at: "2026-03-02T11:00:00.000Z", via: "board" };
        expect(await store.listReads(a.id)).toEqual([
          board,
          { actorId: "user-h", at: "2026-03-02T12:00:00.000Z", via: "case" },
        ]);
        expect(await store.listReads(b.id)).toEqual([]);
        expect(await store.listReads(c.id)).toEqual([board]);
        expect(await store.listReads(d.id)).toEqual([board]);
        expect(await store.listReads(otherYear.id)).toEqual([board]);
      });
    });

    describe("outbox", () => {
      it("delivers pending jobs when due, oldest first, and records completion and failure", async () => {
        const c = buildCase();
        const other = buildCase();
        await insert(c, other);
        const job = (kind: string, caseId: string | null, createdAt: string) => ({
          id: randomUUID(),
          kind,
          caseId,
          payload: { kind, nested: { n: 1, list: ["a", null] } },
          createdAt,
        });
        const first = job("file-document", c.id, "2026-03-02T10:01:00.000Z");
        const oldest = job("post-to-channel", c.id, "2026-03-02T10:00:00.000Z");
        const later = job("send-email", c.id, "2026-03-02T11:00:00.000Z");
        const noCase = job("post-to-channel", null, "2026-03-02T10:02:00.000Z");
        const otherCase = job("send-email", other.id, "2026-03-02T10:03:00.000Z");
        await store.transaction(async (tx) => {
          await tx.enqueue(first);
          await tx.enqueue(oldest);
          await tx.enqueue(later);
          await tx.enqueue(noCase);
        });
        await store.transaction((tx) => tx.enqueue(otherCase));
        const due = (now: string, limit = 50) => store.dueJobs(now, limit).then((jobs) => jobs.map((j) => j.id));

        const stored = (await store.listJobs({})).find((j) => j.id === first.id);
        expect(stored).toStrictEqual<OutboxJob>({
          ...first,
          status: "pending",
          attempts: 0,
          nextAttemptAt: first.createdAt,
          lastError: null,
          doneAt: null,
          retriedAt: null,
        });

        expect(await due("2026-03-02T10:30:00.000Z")).toEqual([oldest.id, first.id, noCase.id, otherCase.id]);
        expect(await due("2026-03-02T10:30:00.000Z", 2)).toEqual([oldest.id, first.id]);
        expect(await due("2026-03-02T10:00:00.000Z")).toEqual([oldest.id]);
        expect(await due("2026-03-02T09:59:59.999Z")).toEqual([]);

        await store.transaction((tx) => tx.failJob(oldest.id, "Graph said 503", "2026-03-02T10:45:00.000Z", false));
        expect(await store.listJobs({}).then((jobs) => jobs.find((j) => j.id === oldest.id))).toMatchObject({
          status: "pending",
          attempts: 1,
          lastError: "Graph said 503",
          nextAttemptAt: "2026-03-02T10:45:00.000Z",
          doneAt: null,
        });
        expect(await due("2026-03-02T10:30:00.000Z")).toEqual([first.id, noCase.id, otherCase.id]);
        expect(await due("2026-03-02T10:50:00.000Z")).toEqual([first.id, noCase.id, otherCase.id, oldest.id]);

        await store.transaction((tx) => tx.failJob(oldest.id, "Graph said 404", "2026-03-02T11:45:00.000Z", true));
        await store.transaction((tx) => tx.completeJob(first.id, "2026-03-02T10:31:00.000Z"));
        expect(await due("2026-03-03T00:00:00.000Z")).toEqual([noCase.id, otherCase.id, later.id]);

        const [dead] = await store.listJobs({ status: "dead" });
        expect(dead).toMatchObject({ id: oldest.id, status: "dead", attempts: 2, lastError: "Graph said 404" });
        expect(dead?.payload).toEqual(oldest.payload);
        const [done] = await store.listJobs({ status: "done" });
        expect(done).toMatchObject({ id: first.id, status: "done", doneAt: "2026-03-02T10:31:00.000Z" });

        expect(ids(await store.listJobs({ status: "pending" }))).toEqual(ids([later, noCase, otherCase]));
        expect(ids(await store.listJobs({ caseId: c.id }))).toEqual(ids([first, oldest, later]));
        expect(ids(await store.listJobs({ caseId: c.id, status: "pending" }))).toEqual([later.id]);
        expect(ids(await store.listJobs({ caseId: other.id }))).toEqual([otherCase.id]);
        expect(ids(await store.listJobs({}))).toEqual(ids([first, oldest, later, noCase, otherCase]));
        expect(await store.listJobs({ caseId: randomUUID() })).toEqual([]);
      });
    });
  });
}
