import { describe, expect, it } from "vitest";
import { currentDeadline, isOverdue } from "../../../src/server/domain/deadlines.js";
import { DEFAULT_POLICY } from "../../../src/server/domain/policy.js";
import { acknowledgeCase } from "../../../src/server/domain/procedure/handling.js";
import {
  AT,
  appealCase,
  appealDecidedCase,
  closedCase,
  ctxAt,
  expectAppError,
  fieldsOf,
  investigatingCase,
  outcomeSentCase,
  PEOPLE,
  policyWith,
  receivedCase,
  triagedCase,
} from "./builders.js";

const SCOTLAND = policyWith({ division: "scotland" });

/** Receive at an instant and read the deadlines. */
function deadlines(receivedAt: string, policy = DEFAULT_POLICY) {
  const c = receivedCase({ receivedAt, policy });
  return { deemed: c.deemedReceivedOn, ack: c.acknowledgeDueDate, response: c.responseDueDate };
}

describe("response and acknowledgement due dates (England and Wales)", () => {
  it.each([
    // [what, instant (UTC), deemed receipt, acknowledgement due, response due]
    ["an ordinary Monday morning", "2026-11-02T10:00:00Z", "2026-11-02", "2026-11-04", "2026-11-16"],
    ["Thursday 16:59 GMT, just before closing", "2026-12-17T16:59:00Z", "2026-12-17", "2026-12-21", "2027-01-05"],
    [
      "Thursday 17:00 GMT, at closing: next working day",
      "2026-12-17T17:00:00Z",
      "2026-12-18",
      "2026-12-22",
      "2027-01-06",
    ],
    ["Christmas Eve 07:30, before opening: same day", "2026-12-24T07:30:00Z", "2026-12-24", "2026-12-30", "2027-01-12"],
    [
      "Christmas Day (a bank holiday) → Tuesday 29 Dec",
      "2026-12-25T10:00:00Z",
      "2026-12-29",
      "2026-12-31",
      "2027-01-13",
    ],
    ["Boxing Day substitute Monday 28 Dec → Tuesday", "2026-12-28T11:00:00Z", "2026-12-29", "2026-12-31", "2027-01-13"],
    ["New Year's Eve 18:30 → Monday 4 Jan 2027", "2026-12-31T18:30:00Z", "2027-01-04", "2027-01-06", "2027-01-18"],
    ["New Year's Day 09:00 (bank holiday)", "2027-01-01T09:00:00Z", "2027-01-04", "2027-01-06", "2027-01-18"],
    ["Saturday → Monday", "2026-11-07T12:00:00Z", "2026-11-09", "2026-11-11", "2026-11-23"],
    ["Sunday 23:59 → Monday", "2026-11-08T23:59:00Z", "2026-11-09", "2026-11-11", "2026-11-23"],
    [
      "Thursday before Easter, 10:00: counts over Good Friday and Easter Monday",
      "2027-03-25T10:00:00Z",
      "2027-03-25",
      "2027-03-31",
      "2027-04-12",
    ],
    [
      "Thursday before Easter, 17:30 → Tuesday 30 March",
      "2027-03-25T17:30:00Z",
      "2027-03-30",
      "2027-04-01",
      "2027-04-13",
    ],
    ["Good Friday 2027", "2027-03-26T10:00:00Z", "2027-03-30", "2027-04-01", "2027-04-13"],
    ["Easter Monday 2027", "2027-03-29T10:00:00Z", "2027-03-30", "2027-04-01", "2027-04-13"],
    [
      "Friday before the late May bank holiday, 17:30 BST → Tuesday 1 June",
      "2027-05-28T16:30:00Z",
      "2027-06-01",
      "2027-06-03",
      "2027-06-15",
    ],
    ["late May bank holiday itself", "2027-05-31T10:00:00Z", "2027-06-01", "2027-06-03", "2027-06-15"],
    ["June, 16:30Z is 17:30 BST: after closing", "2026-06-10T16:30:00Z", "2026-06-11", "2026-06-15", "2026-06-25"],
    ["June, 15:59Z is 16:59 BST: before closing", "2026-06-10T15:59:00Z", "2026-06-10", "2026-06-12", "2026-06-24"],
    [
      "June, 23:30Z on the 9th is 00:30 BST on the 10th: London date counts",
      "2026-06-09T23:30:00Z",
      "2026-06-10",
      "2026-06-12",
      "2026-06-24",
    ],
    [
      "June, 07:30Z is 08:30 BST: before opening, same day",
      "2026-06-10T07:30:00Z",
      "2026-06-10",
      "2026-06-12",
      "2026-06-24",
    ],
  ])("%s", (_what, instant, deemed, ack, response) => {
    expect(deadlines(instant)).toEqual({ deemed, ack, response });
  });

  it("records the actual instant and the policy in force", () => {
    const c = receivedCase({ receivedAt: "2026-12-31T18:30:00Z" });
    expect(c.receivedAt).toBe("2026-12-31T18:30:00.000Z");
    expect(c.policy).toEqual(DEFAULT_POLICY);
    expect(c.stage).toBe("received");
    expect(c.version).toBe(1);
  });

  it("honours the organisation's own closure days and office hours", () => {
    const policy = policyWith({ closureDays: ["2026-12-29", "2026-12-30", "2026-12-31"], officeCloses: "16:00" });
    // Wednesday 23 Dec 16:15 is after a 16:00 close: Thursday 24 Dec; then 29–31 Dec are closed.
    expect(deadlines("2026-12-23T16:15:00Z", policy)).toEqual({
      deemed: "2026-12-24",
      ack: "2027-01-05",
      response: "2027-01-15",
    });
  });

  it("uses the settings' working-day counts", () => {
    const policy = policyWith({ acknowledgeWorkingDays: 1, responseWorkingDays: 20 });
    expect(deadlines("2026-11-02T10:00:00Z", policy)).toEqual({
      deemed: "2026-11-02",
      ack: "2026-11-03",
      response: "2026-11-30",
    });
  });
});

describe("Scotland has different bank holidays", () => {
  it.each([
    // [what, instant, England and Wales [deemed, ack, response], Scotland [deemed, ack, response]]
    [
      "New Year's Day 2026: 2 January is a holiday in Scotland only",
      "2026-01-01T10:00:00Z",
      ["2026-01-02", "2026-01-06", "2026-01-16"],
      ["2026-01-05", "2026-01-07", "2026-01-19"],
    ],
    [
      "New Year's Day 2027: 2 January is a Saturday, Scotland takes Monday 4 January",
      "2027-01-01T09:00:00Z",
      ["2027-01-04", "2027-01-06", "2027-01-18"],
      ["2027-01-05", "2027-01-07", "2027-01-19"],
    ],
    [
      "New Year's Eve 2026, counting over 1, 2 (Sat) and 4 January",
      "2026-12-31T10:00:00Z",
      ["2026-12-31", "2027-01-05", "2027-01-15"],
      ["2026-12-31", "2027-01-06", "2027-01-18"],
    ],
    [
      "St Andrew's Day, Monday 30 November 2026",
      "2026-11-30T10:00:00Z",
      ["2026-11-30", "2026-12-02", "2026-12-14"],
      ["2026-12-01", "2026-12-03", "2026-12-15"],
    ],
    [
      "Friday before St Andrew's Day",
      "2026-11-27T10:00:00Z",
      ["2026-11-27", "2026-12-01", "2026-12-11"],
      ["2026-11-27", "2026-12-02", "2026-12-14"],
    ],
    [
      "Easter Monday 2027 is a working day in Scotland",
      "2027-03-29T10:00:00Z",
      ["2027-03-30", "2027-04-01", "2027-04-13"],
      ["2027-03-29", "2027-03-31", "2027-04-12"],
    ],
  ])("%s", (_what, instant, ew, scot) => {
    const [d1, a1, r1] = ew;
    const [d2, a2, r2] = scot;
    expect(deadlines(instant)).toEqual({ deemed: d1, ack: a1, response: r1 });
    expect(deadlines(instant, SCOTLAND)).toEqual({ deemed: d2, ack: a2, response: r2 });
  });
});

describe("responseClockStartsAt", () => {
  const ACK_CLOCK = policyWith({ responseClockStartsAt: "acknowledgement" });

  it("by default the acknowledgement does not move the response date", () => {
    const triaged = triagedCase();
    expect(triaged.responseDueDate).toBe("2026-11-16");
    const { next, event } = acknowledgeCase(
      triaged,
      { method: "email", sentAt: new Date("2026-11-04T17:30:00Z") },
      ctxAt("2026-11-04T17:31:00Z", PEOPLE.handler),
    );
    expect(next.stage).toBe("investigating");
    expect(next.responseDueDate).toBe("2026-11-16");
    expect(next.acknowledgement).toEqual({ sentAt: "2026-11-04T17:30:00.000Z", method: "email", by: PEOPLE.handler });
    expect(event.summary).toContain("2026-11-16");
  });

  it("from the acknowledgement: the response is due 10 working days after the acknowledgement's deemed date", () => {
    const triaged = triagedCase({}, receivedCase({ policy: ACK_CLOCK }));
    // Until acknowledged, the receipt reading stands.
    expect(triaged.responseDueDate).toBe("2026-11-16");
    // Acknowledged Wednesday 4 Nov 17:30 (after closing) → counts from Thursday 5 Nov → Thursday 19 Nov.
    const { next } = acknowledgeCase(
      triaged,
      { method: "post", sentAt: new Date("2026-11-04T17:30:00Z") },
      ctxAt("2026-11-05T09:00:00Z", PEOPLE.handler, ACK_CLOCK),
    );
    expect(next.responseDueDate).toBe("2026-11-19");
    expect(next.acknowledgeDueDate).toBe("2026-11-04");
  });

  it("from the acknowledgement, over Christmas", () => {
    const received = receivedCase({ policy: ACK_CLOCK, receivedAt: "2026-12-21T10:00:00Z" });
    const triaged = triagedCase({}, received);
    const { next } = acknowledgeCase(
      { ...triaged },
      { method: "email", sentAt: new Date("2026-12-23T12:00:00Z") },
      ctxAt("2026-12-23T12:00:00Z", PEOPLE.handler, ACK_CLOCK),
    );
    expect(next.responseDueDate).toBe("2027-01-11");
  });

  it("refuses an acknowledgement in the future or before receipt", () => {
    const triaged = triagedCase();
    const future = expectAppError(
      () =>
        acknowledgeCase(triaged, { method: "email", sentAt: new Date("2026-11-03T10:02:00Z") }, ctxAt(AT.acknowledged)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(future)).toEqual(["sentAt"]);
    const early = expectAppError(
      () =>
        acknowledgeCase(triaged, { method: "email", sentAt: new Date("2026-11-01T10:00:00Z") }, ctxAt(AT.acknowledged)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(early)).toEqual(["sentAt"]);
    // A minute's grace for clocks that differ.
    expect(() =>
      acknowledgeCase(triaged, { method: "email", sentAt: new Date("2026-11-03T10:00:59Z") }, ctxAt(AT.acknowledged)),
    ).not.toThrow();
  });
});

describe("the current deadline", () => {
  it("is the response date until the outcome, the appeal date during an appeal, then nothing", () => {
    expect(currentDeadline(receivedCase())).toBe("2026-11-16");
    expect(currentDeadline(triagedCase())).toBe("2026-11-16");
    expect(currentDeadline(investigatingCase())).toBe("2026-11-16");
    expect(currentDeadline(outcomeSentCase())).toBeNull();
    expect(currentDeadline(appealCase())).toBe("2026-12-04");
    expect(currentDeadline(appealDecidedCase())).toBeNull();
    expect(currentDeadline(closedCase())).toBeNull();
  });

  it("is overdue only after the due date", () => {
    const c = investigatingCase();
    expect(isOverdue(c, "2026-11-16")).toBe(false);
    expect(isOverdue(c, "2026-11-17")).toBe(true);
    expect(isOverdue(outcomeSentCase(), "2030-01-01")).toBe(false);
  });
});
