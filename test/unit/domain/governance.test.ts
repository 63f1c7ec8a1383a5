/**
 * The governance rules in the domain: learning required on the outcome, the meeting pack's window ("since the
 * last meeting"), the dashboard's figures (working days on the case's own calendar), CSV safety, and the
 * self-assessment's ratings.
 */
import { describe, expect, test } from "vitest";
import { calendarFor } from "../../../src/server/app/case-calendar.js";
import { annualReport, assessAims } from "../../../src/server/domain/governance/annual-report.js";
import { dashboardFigures, median, share } from "../../../src/server/domain/governance/dashboard.js";
import { csvCell, dashboardCsv } from "../../../src/server/domain/governance/dashboard-csv.js";
import { buildMeetingPack } from "../../../src/server/domain/governance/meeting-pack.js";
import { recordMeeting } from "../../../src/server/domain/procedure/closing.js";
import { recordOutcome } from "../../../src/server/domain/procedure/handling.js";
import {
  AT,
  appealDecidedCase,
  closedCase,
  ctxAt,
  expectAppError,
  fieldsOf,
  investigatingCase,
  outcomeInput,
  outcomeSentCase,
  PEOPLE,
  redirectedCase,
  withdrawnCase,
} from "./builders.js";

const figuresOf = (cases: Parameters<typeof dashboardFigures>[0]["cases"], today = "2026-12-31") =>
  dashboardFigures({
    cases,
    surveys: [],
    improvementActions: [],
    period: { from: null, to: today },
    today,
    calendarFor,
    targetWorkingDays: 10,
  });

describe("learning on the outcome", () => {
  test("root cause and lessons learned are required; the outcome keeps them", () => {
    const c = investigatingCase();
    const ctx = ctxAt(AT.outcome, PEOPLE.handler);
    const blank = expectAppError(
      () => recordOutcome(c, outcomeInput({ lessonsLearned: " " }), ctx),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(blank)).toEqual(["lessonsLearned"]);
    const wrong = outcomeInput({ rootCause: "bad-luck" as never });
    expect(fieldsOf(expectAppError(() => recordOutcome(c, wrong, ctx), "VALIDATION_FAILED"))).toEqual(["rootCause"]);
    const { next } = recordOutcome(c, outcomeInput({ rootCauseNote: "  Assessor ill. " }), ctx);
    expect(next.outcome?.learning).toEqual({
      rootCause: "resources-or-scheduling",
      rootCauseNote: "Assessor ill.",
      lessonsLearned: "Book a stand-in assessor whenever a visit is cancelled.",
    });
  });
});

describe("the meeting pack", () => {
  test("outcomes since the previous meeting only; serious, overdue and appeals; discussions of this meeting", () => {
    // Outcome 13 November 2026; a previous meeting on the 12th puts it in the pack, one on the 13th does not.
    const sent = outcomeSentCase();
    const overdue = investigatingCase({}, {}); // response due 16 November 2026
    const serious = outcomeSentCase({}, { serious: true });
    const appealed = appealDecidedCase();
    const cases = [sent, overdue, serious, appealed, redirectedCase(), withdrawnCase()];
    const pack = (previousMeetingDate: string | null) =>
      buildMeetingPack({ cases, meeting: null, previousMeetingDate, today: "2026-12-02" });
    expect(pack("2026-11-12").outcomes.map((p) => p.id)).toEqual(
      expect.arrayContaining([sent.id, serious.id, appealed.id]),
    );
    expect(pack("2026-11-13").outcomes.map((p) => p.id)).toEqual([appealed.id]); // its decision: 1 December
    const all = pack(null);
    expect(all.since).toBeNull();
    expect(all.serious.map((p) => p.id)).toEqual([serious.id]);
    expect(all.overdue.map((p) => p.id)).toEqual([overdue.id]);
    expect(all.appeals.map((p) => p.id)).toEqual([appealed.id]);
    expect(all.awaitingDiscussion.map((p) => p.id)).toEqual(expect.arrayContaining([sent.id, serious.id]));
    // Redirected and withdrawn cases are not for the meeting.
    expect(all.outcomes.length + all.overdue.length).toBe(4);

    const discussed = recordMeeting(
      sent,
      { meetingId: "m-1", meetingDate: "2026-12-01", notes: "Noted." },
      ctxAt("2026-12-01T10:00:00Z"),
    ).next;
    expect(discussed.meetings.at(-1)).toMatchObject({ meetingId: "m-1", meetingDate: "2026-12-01" });
    const forMeeting = buildMeetingPack({
      cases: [discussed, overdue],
      meeting: { id: "m-1", meetingDate: "2026-12-01" },
      previousMeetingDate: "2026-11-02",
      today: "2026-12-02",
    });
    expect(forMeeting.discussed.map((p) => [p.id, p.discussion?.notes])).toEqual([[discussed.id, "Noted."]]);
    // The same meeting recorded again replaces its notes rather than adding a second discussion.
    const again = recordMeeting(
      discussed,
      { meetingId: "m-1", meetingDate: "2026-12-01", notes: "Corrected." },
      ctxAt("2026-12-01T11:00:00Z"),
    ).next;
    expect(again.meetings.filter((m) => m.meetingId === "m-1").map((m) => m.notes)).toEqual(["Corrected."]);
  });
});

describe("the dashboard", () => {
  test("median and shares", () => {
    expect(median([])).toBeNull();
    expect(median([4, 11, 10])).toBe(10);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(share(0, 0)).toEqual({ count: 0, of: 0, percent: null });
    expect(share(2, 3)).toEqual({ count: 2, of: 3, percent: 66.7 });
  });

  test("timeliness counts late cases still open, not withdrawn or redirected ones; working days on the case's calendar", () => {
    // Received Monday 2 November, outcome Friday 13 November: 9 working days, on time (due 16 November).
    const onTime = outcomeSentCase();
    // Still investigating on 31 December: past its due date, so it counts as not answered in time.
    const late = investigatingCase();
    const f = figuresOf([onTime, late, redirectedCase(), withdrawnCase(investigatingCase())]);
    expect(f.received).toBe(3);
    expect(f.redirected).toBe(1);
    expect(f.withdrawn).toBe(1);
    expect(f.answeredWithinTarget).toEqual({ count: 1, of: 2, percent: 50 });
    expect(f.medianWorkingDaysToOutcome).toBe(9);
    expect(f.learningRecorded).toEqual({ count: 1, of: 1, percent: 100 });
  });

  test("appeal and overturn rates, and a closed case keeps its figures", () => {
    const f = figuresOf([closedCase(), appealDecidedCase({ result: "partly-upheld" })]);
    expect(f.appealRate).toEqual({ count: 1, of: 2, percent: 50 });
    expect(f.overturnRate).toEqual({ count: 1, of: 1, percent: 100 });
  });
});

describe("CSV and the annual report", () => {
  test("cells that a spreadsheet would run as formulas are neutralised; quotes are doubled", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell('Say "hi", then')).toBe('"Say ""hi"", then"');
    expect(csvCell(-3)).toBe("-3");
    expect(dashboardCsv(figuresOf([outcomeSentCase()])).split("\r\n")[0]).toBe("section,measure,value,of,percent");
  });

  test("each of the six aims is rated, with the rule it was rated by", () => {
    const f = figuresOf([outcomeSentCase(), investigatingCase()]);
    const aims = assessAims(f);
    expect(aims).toHaveLength(6);
    expect(aims[1]?.rating).toBe("For the Board to judge"); // publicity: not something Redress records
    expect(aims[3]?.rating).toBe("Not met"); // 50% answered in time
    expect(aims.every((a) => a.basis.length > 0)).toBe(true);
    const report = annualReport({ figures: f, organisationName: "CMS", from: "2026-01-01", to: "2026-12-31" });
    expect(report.baseName).toBe("Annual complaints report 2026-01-01 to 2026-12-31");
    expect(JSON.stringify(report)).not.toContain("Sam Learner");
  });
});
