import { describe, expect, it } from "vitest";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { decideAppeal, recordAppeal } from "../../../src/server/domain/procedure/appeal.js";
import { appealDeadlineFor, recordOutcome } from "../../../src/server/domain/procedure/handling.js";
import {
  AT,
  appealCase,
  appealDecidedCase,
  appealDecisionInput,
  appealInput,
  calendarFor,
  closedAfterAppealCase,
  closedCase,
  ctxAt,
  expectAppError,
  fieldsOf,
  investigatingCase,
  outcomeInput,
  outcomeSentCase,
  PEOPLE,
  policyWith,
  receivedCase,
  triagedCase,
} from "./builders.js";

/** The story's case with the outcome sent at `sentAt` by `method` (the handler acts at that instant). */
function outcomeAt(sentAt: string, method: "email" | "post", from: ComplaintCase = investigatingCase()): ComplaintCase {
  return recordOutcome(from, outcomeInput({ sentAt: new Date(sentAt), method }), ctxAt(sentAt, PEOPLE.handler)).next;
}

/** Record an appeal received at `receivedAt` (the Operations Director records it then). */
function appealAt(c: ComplaintCase, receivedAt: string, lateReason?: string | null) {
  return recordAppeal(c, appealInput({ receivedAt: new Date(receivedAt), lateReason }), ctxAt(receivedAt));
}

describe("the appeal window", () => {
  it.each([
    // [what, outcome sent (UTC), method, complainant's receipt, appeal deadline]
    ["email sent Friday 13 Nov 2026", "2026-11-13T14:00:00Z", "email", "2026-11-13", "2026-11-27"],
    ["post sent Friday 13 Nov 2026: delivered Tuesday", "2026-11-13T14:00:00Z", "post", "2026-11-17", "2026-12-01"],
    ["email sent Friday 18 Dec 2026, over Christmas", "2026-12-18T11:00:00Z", "email", "2026-12-18", "2027-01-06"],
    ["post sent Friday 18 Dec 2026, over Christmas", "2026-12-18T11:00:00Z", "post", "2026-12-22", "2027-01-08"],
    ["email sent Friday 19 March 2027, over Easter", "2027-03-19T10:00:00Z", "email", "2027-03-19", "2027-04-06"],
    ["post sent Friday 19 March 2027, over Easter", "2027-03-19T10:00:00Z", "post", "2027-03-23", "2027-04-08"],
    [
      "email sent at 23:30 BST on Friday 12 June 2026 (22:30Z)",
      "2026-06-12T22:30:00Z",
      "email",
      "2026-06-12",
      "2026-06-26",
    ],
    [
      "email sent at 00:30 BST on Saturday 13 June 2026 (23:30Z Friday)",
      "2026-06-12T23:30:00Z",
      "email",
      "2026-06-13",
      "2026-06-26",
    ],
  ] as const)("%s", (_what, sentAt, method, receipt, deadline) => {
    expect(
      appealDeadlineFor({ calendar: calendarFor() }, { policy: policyWith({}) }, method, new Date(sentAt)),
    ).toEqual({
      complainantReceiptDate: receipt,
      appealDeadline: deadline,
    });
    const received = receivedCase({ receivedAt: "2026-06-01T10:00:00Z" });
    const { next, event } = recordOutcome(
      investigatingCase({}, { sentAt: new Date("2026-06-01T11:00:00Z") }, triagedCase({}, received)),
      outcomeInput({ method, sentAt: new Date(sentAt) }),
      ctxAt(sentAt, PEOPLE.handler),
    );
    expect(next.outcome).toMatchObject({ method, complainantReceiptDate: receipt, appealDeadline: deadline });
    expect(event.summary).toContain(deadline);
  });

  it("uses the settings' postal delivery and window lengths", () => {
    const policy = policyWith({ postalDeliveryWorkingDays: 3, appealWindowWorkingDays: 15 });
    expect(appealDeadlineFor({ calendar: calendarFor(policy) }, { policy }, "post", new Date(AT.outcome))).toEqual({
      complainantReceiptDate: "2026-11-18",
      appealDeadline: "2026-12-09",
    });
  });
});

describe("recording an appeal", () => {
  const outcome = () => outcomeSentCase(); // email Friday 13 Nov → deadline Friday 27 Nov

  it("is in time on the deadline day at 23:00", () => {
    const { next, event } = appealAt(outcome(), "2026-11-27T23:00:00Z");
    expect(next.stage).toBe("appeal");
    expect(next.appeal).toMatchObject({ inTime: true, lateReason: null, reopened: false });
    // Deemed received Monday 30 Nov (after hours) → decision due Monday 14 Dec.
    expect(next.appeal?.responseDueDate).toBe("2026-12-14");
    expect(event.data).toMatchObject({ inTime: true, reopened: false, responseDueDate: "2026-12-14" });
  });

  it("is in time at 23:30 BST on the deadline day, late at 00:30 BST the next", () => {
    const triaged = triagedCase({}, receivedCase({ receivedAt: "2026-06-01T10:00:00Z" }));
    const june = outcomeAt(
      "2026-06-12T14:00:00Z",
      "email",
      investigatingCase({}, { sentAt: new Date("2026-06-02T10:00:00Z") }, triaged),
    );
    expect(june.outcome?.appealDeadline).toBe("2026-06-26");
    expect(appealAt(june, "2026-06-26T22:30:00Z").next.appeal?.inTime).toBe(true);
    expectAppError(() => appealAt(june, "2026-06-26T23:30:00Z"), "VALIDATION_FAILED");
  });

  it("on the next working day without a reason is refused, naming lateReason", () => {
    const error = expectAppError(() => appealAt(outcome(), "2026-11-30T10:00:00Z"), "VALIDATION_FAILED");
    expect(fieldsOf(error)).toEqual(["lateReason"]);
    expect(error.userMessage).toContain("2026-11-27");
  });

  it("a blank late reason counts as none", () => {
    const error = expectAppError(() => appealAt(outcome(), "2026-11-30T10:00:00Z", "   "), "VALIDATION_FAILED");
    expect(fieldsOf(error)).toEqual(["lateReason"]);
  });

  it("late with a reason is accepted, not in time, and the reason kept", () => {
    const { next, event } = appealAt(outcome(), "2026-11-30T10:00:00Z", "  The outcome letter went to spam.  ");
    expect(next.appeal).toMatchObject({
      inTime: false,
      lateReason: "The outcome letter went to spam.",
      reopened: false,
      boardMemberId: PEOPLE.boardMember,
      responseDueDate: "2026-12-14",
      by: PEOPLE.opsDirector,
    });
    expect(event.summary).toMatch(/^Late appeal accepted/);
  });

  it("an in-time appeal ignores a late reason", () => {
    const { next } = appealAt(outcome(), AT.appeal, "not needed");
    expect(next.appeal).toMatchObject({ inTime: true, lateReason: null });
  });

  it("response due = deemed appeal receipt + 10 working days (over Christmas)", () => {
    const c = outcomeAt("2026-12-18T11:00:00Z", "email", investigatingCase());
    // Wednesday 23 Dec 17:15: deemed Thursday 24 Dec; then 25, 28 Dec and 1 Jan are bank holidays.
    expect(appealAt(c, "2026-12-23T17:15:00Z").next.appeal?.responseDueDate).toBe("2027-01-12");
    // Saturday 2 Jan 2027 → Monday 4 Jan → Monday 18 Jan.
    expect(appealAt(c, "2027-01-02T12:00:00Z").next.appeal?.responseDueDate).toBe("2027-01-18");
  });

  it("a late appeal on a closed case reopens it", () => {
    const closed = closedCase();
    expect(closed.closure?.kind).toBe("resolved");
    const { next, event } = appealAt(closed, "2026-12-07T10:00:00Z", "The complainant was in hospital.");
    expect(next.stage).toBe("appeal");
    expect(next.closure).toBeNull();
    expect(next.appeal).toMatchObject({ inTime: false, reopened: true, responseDueDate: "2026-12-21" });
    expect(event.summary).toContain("reopened");
    // What happened before is kept.
    expect(next.outcome).toEqual(closed.outcome);
    expect(next.boardInformed).toEqual(closed.boardInformed);
  });

  it("a late appeal on a closed case without a reason is refused and the case stays closed", () => {
    const closed = closedCase();
    expectAppError(() => appealAt(closed, "2026-12-07T10:00:00Z"), "VALIDATION_FAILED");
    expect(closed.stage).toBe("closed");
  });

  it("the board member must not be the handler", () => {
    const error = expectAppError(
      () =>
        recordAppeal(outcome(), appealInput({ boardMemberId: PEOPLE.handler }), ctxAt(AT.appeal, PEOPLE.opsDirector)),
      "CONFLICT_OF_INTEREST",
    );
    expect(error.details).toEqual({ field: "boardMemberId" });
  });

  it("a second appeal after a decision is illegal, open or closed", () => {
    expectAppError(() => appealAt(appealDecidedCase(), "2026-12-02T10:00:00Z", "again"), "ILLEGAL_TRANSITION");
    expectAppError(() => appealAt(closedAfterAppealCase(), "2026-12-10T10:00:00Z", "again"), "ILLEGAL_TRANSITION");
  });

  it("a second appeal while one is open is illegal", () => {
    expectAppError(() => appealAt(appealCase(), "2026-11-23T10:00:00Z"), "ILLEGAL_TRANSITION");
  });

  it("needs grounds", () => {
    const error = expectAppError(
      () => recordAppeal(outcome(), appealInput({ grounds: " " }), ctxAt(AT.appeal)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["grounds"]);
  });

  it("cannot be received in the future nor before the outcome was sent", () => {
    const future = expectAppError(
      () => recordAppeal(outcome(), appealInput({ receivedAt: new Date("2026-11-21T10:00:00Z") }), ctxAt(AT.appeal)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(future)).toEqual(["receivedAt"]);
    const early = expectAppError(
      () => recordAppeal(outcome(), appealInput({ receivedAt: new Date("2026-11-13T13:00:00Z") }), ctxAt(AT.appeal)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(early)).toEqual(["receivedAt"]);
  });
});

describe("deciding an appeal", () => {
  it("records the decision and moves to appeal-decided", () => {
    const { next, event } = decideAppeal(
      appealCase(),
      appealDecisionInput({ result: "upheld", reasons: " The remedy was not enough. " }),
      ctxAt(AT.decision, PEOPLE.boardMember),
    );
    expect(next.stage).toBe("appeal-decided");
    expect(next.appealDecision).toEqual({
      result: "upheld",
      reasons: "The remedy was not enough.",
      method: "email",
      sentAt: new Date(AT.decision).toISOString(),
      by: PEOPLE.boardMember,
    });
    expect(event.summary).toContain("upheld");
  });

  it("refuses a decision sent before the appeal was received", () => {
    // The appeal arrived Friday 20 Nov 11:00; a decision dated that morning cannot answer it.
    const error = expectAppError(
      () =>
        decideAppeal(
          appealCase(),
          appealDecisionInput({ sentAt: new Date("2026-11-20T09:00:00Z") }),
          ctxAt(AT.decision, PEOPLE.boardMember),
        ),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["sentAt"]);
    // The same instant as the appeal's receipt is fine.
    const { next } = decideAppeal(
      appealCase(),
      appealDecisionInput({ sentAt: new Date(AT.appeal) }),
      ctxAt(AT.decision, PEOPLE.boardMember),
    );
    expect(next.stage).toBe("appeal-decided");
  });

  it("needs reasons and refuses a future send date", () => {
    expectAppError(
      () => decideAppeal(appealCase(), appealDecisionInput({ reasons: "" }), ctxAt(AT.decision, PEOPLE.boardMember)),
      "VALIDATION_FAILED",
    );
    expectAppError(
      () =>
        decideAppeal(
          appealCase(),
          appealDecisionInput({ sentAt: new Date("2026-12-02T12:00:00Z") }),
          ctxAt(AT.decision, PEOPLE.boardMember),
        ),
      "VALIDATION_FAILED",
    );
  });
});
