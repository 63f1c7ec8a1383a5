import { describe, expect, it } from "vitest";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import {
  CLOSE_GUARDS,
  closeCase,
  recordBoardInformed,
  recordMeeting,
  recordSignpost,
  unmetCloseGuards,
  withdrawCase,
} from "../../../src/server/domain/procedure/closing.js";
import { OPEN_STAGES } from "../../../src/server/domain/stages.js";
import {
  appealCase,
  appealDecidedCase,
  closedCase,
  ctxAt,
  expectAppError,
  fieldsOf,
  investigatingCase,
  outcomeSentCase,
  PEOPLE,
  receivedCase,
  reportedCase,
  triagedCase,
} from "./builders.js";

/** Outcome sent Friday 13 Nov 2026 by email: the appeal deadline is Friday 27 Nov. */
const DEADLINE = "2026-11-27";

const informBoard = (c: ComplaintCase, at: string) => recordBoardInformed(c, {}, ctxAt(at)).next;
const meet = (c: ComplaintCase, at: string) =>
  recordMeeting(c, { meetingDate: at.slice(0, 10), notes: "Discussed." }, ctxAt(at)).next;

describe("unmetCloseGuards", () => {
  it("lists every guard of a case that has nothing yet (serious)", () => {
    expect(unmetCloseGuards(investigatingCase({ serious: true }), "2026-11-10")).toEqual([...CLOSE_GUARDS]);
  });

  it("lists the four that apply to a complaint that is not serious", () => {
    expect(unmetCloseGuards(triagedCase(), "2026-11-10")).toEqual([
      "outcome-sent-in-writing",
      "board-informed-of-final-outcome",
      "discussed-at-operations-meeting",
      "appeal-window-passed-or-appeal-decided",
    ]);
  });

  it("after the outcome: the Board, the meeting and the appeal window remain", () => {
    expect(unmetCloseGuards(outcomeSentCase(), DEADLINE)).toEqual([
      "board-informed-of-final-outcome",
      "discussed-at-operations-meeting",
      "appeal-window-passed-or-appeal-decided",
    ]);
  });

  it("each record removes its own guard", () => {
    const c = outcomeSentCase();
    expect(unmetCloseGuards(informBoard(c, "2026-11-16T10:00:00Z"), DEADLINE)).toEqual([
      "discussed-at-operations-meeting",
      "appeal-window-passed-or-appeal-decided",
    ]);
    expect(unmetCloseGuards(meet(c, "2026-11-16T10:00:00Z"), DEADLINE)).toEqual([
      "board-informed-of-final-outcome",
      "appeal-window-passed-or-appeal-decided",
    ]);
    expect(unmetCloseGuards(c, "2026-11-28")).toEqual([
      "board-informed-of-final-outcome",
      "discussed-at-operations-meeting",
    ]);
  });

  it("the appeal window is open on the deadline day and passed the day after", () => {
    const c = reportedCase(outcomeSentCase(), "2026-11-16T10:00:00Z");
    expect(unmetCloseGuards(c, "2026-11-26")).toEqual(["appeal-window-passed-or-appeal-decided"]);
    expect(unmetCloseGuards(c, DEADLINE)).toEqual(["appeal-window-passed-or-appeal-decided"]);
    expect(unmetCloseGuards(c, "2026-11-28")).toEqual([]);
  });
});

describe("close", () => {
  it("is refused with GUARD_NOT_MET listing the unmet guards, in words", () => {
    const error = expectAppError(
      () => closeCase(outcomeSentCase(), {}, ctxAt("2026-11-16T10:00:00Z")),
      "GUARD_NOT_MET",
    );
    expect(error.details).toEqual({
      unmet: [
        "board-informed-of-final-outcome",
        "discussed-at-operations-meeting",
        "appeal-window-passed-or-appeal-decided",
      ],
    });
    expect(error.userMessage).toBe(
      "This case cannot close yet: the Board has not been informed of the final outcome; the case has not been discussed at an Operations Meeting; the appeal window has not passed.",
    );
  });

  it("is refused on the appeal deadline day, even late in the evening", () => {
    const c = reportedCase(outcomeSentCase(), "2026-11-16T10:00:00Z");
    const error = expectAppError(() => closeCase(c, {}, ctxAt("2026-11-27T23:30:00Z")), "GUARD_NOT_MET");
    expect(error.details).toEqual({ unmet: ["appeal-window-passed-or-appeal-decided"] });
  });

  it("closes once the window has passed, the Board is informed and the meeting recorded", () => {
    const c = reportedCase(outcomeSentCase(), "2026-11-16T10:00:00Z");
    const { next, event } = closeCase(c, { note: "  Resolved.  " }, ctxAt("2026-11-28T00:30:00Z"));
    expect(next.stage).toBe("closed");
    expect(next.closure).toEqual({
      kind: "resolved",
      redirectedAs: null,
      reason: "Resolved.",
      at: "2026-11-28T00:30:00.000Z",
      by: PEOPLE.opsDirector,
    });
    expect(event.kind).toBe("closed");
  });

  it("the window is judged on the London date (BST): 23:30Z on the deadline is already the next day", () => {
    // Outcome by email Friday 12 June 2026 → deadline Friday 26 June.
    const june = outcomeSentCase({ sentAt: new Date("2026-06-12T14:00:00Z") }, {}, juneInvestigating());
    expect(june.outcome?.appealDeadline).toBe("2026-06-26");
    const reported = reportedCase(june, "2026-06-15T10:00:00Z");
    expectAppError(() => closeCase(reported, {}, ctxAt("2026-06-26T22:59:00Z")), "GUARD_NOT_MET");
    expect(closeCase(reported, {}, ctxAt("2026-06-26T23:00:00Z")).next.stage).toBe("closed");
  });

  describe("with an appeal", () => {
    it("closes once the Board is informed of the appeal decision", () => {
      const c = reportedCase(appealDecidedCase(), "2026-12-02T10:00:00Z");
      expect(c.boardInformed.map((b) => b.of)).toEqual(["appeal-decision"]);
      // The appeal decision satisfies the appeal guard: no need to wait for the original window.
      expect(unmetCloseGuards(c, "2026-12-02")).toEqual([]);
      expect(closeCase(c, {}, ctxAt("2026-12-02T11:00:00Z")).next.stage).toBe("closed");
    });

    it("only a Board record of the appeal decision counts, whatever its time", () => {
      const decided = reportedCase(appealDecidedCase(), "2026-12-02T10:00:00Z");
      // A record of the outcome, made after the decision was sent, is still not the final outcome.
      const mislabelled: ComplaintCase = {
        ...decided,
        boardInformed: decided.boardInformed.map((b) => ({ ...b, of: "outcome" as const })),
      };
      expect(unmetCloseGuards(decided, "2026-12-02")).toEqual([]);
      expect(unmetCloseGuards(mislabelled, "2026-12-02")).toEqual(["board-informed-of-final-outcome"]);
    });

    it("a Board record made before the final outcome was sent does not count", () => {
      const decided = reportedCase(appealDecidedCase(), "2026-12-02T10:00:00Z");
      const stale: ComplaintCase = {
        ...decided,
        boardInformed: decided.boardInformed.map((b) => ({ ...b, at: "2026-11-30T10:00:00.000Z" })),
      };
      expect(unmetCloseGuards(stale, "2026-12-02")).toEqual(["board-informed-of-final-outcome"]);
    });

    it("an earlier Board record of the outcome does not count", () => {
      // Board informed of the outcome and meeting held while the appeal window was open; then an appeal.
      const reported = reportedCase(outcomeSentCase(), "2026-11-16T10:00:00Z");
      expect(reported.boardInformed.map((b) => b.of)).toEqual(["outcome"]);
      const decided = appealDecidedCase({}, appealCase({}, reported));
      expect(unmetCloseGuards(decided, "2026-12-02")).toEqual(["board-informed-of-final-outcome"]);
      const error = expectAppError(() => closeCase(decided, {}, ctxAt("2026-12-02T10:00:00Z")), "GUARD_NOT_MET");
      expect(error.details).toEqual({ unmet: ["board-informed-of-final-outcome"] });
      const informed = informBoard(decided, "2026-12-02T10:00:00Z");
      expect(informed.boardInformed.map((b) => b.of)).toEqual(["outcome", "appeal-decision"]);
      expect(closeCase(informed, {}, ctxAt("2026-12-02T11:00:00Z")).next.stage).toBe("closed");
    });
  });
});

describe("redirect and withdraw close without the guards", () => {
  it.each(OPEN_STAGES)("withdraw from %s records the reason", (stage) => {
    const byStage: Record<string, () => ComplaintCase> = {
      received: receivedCase,
      triaged: () => triagedCase(),
      investigating: () => investigatingCase(),
      "outcome-sent": () => outcomeSentCase(),
      appeal: () => appealCase(),
      "appeal-decided": () => appealDecidedCase(),
    };
    const c = byStage[stage]!();
    expect(c.stage).toBe(stage);
    const { next, event } = withdrawCase(c, { reason: " Resolved informally. " }, ctxAt("2026-12-03T10:00:00Z"));
    expect(next.stage).toBe("closed");
    expect(next.closure).toEqual({
      kind: "withdrawn",
      redirectedAs: null,
      reason: "Resolved informally.",
      at: "2026-12-03T10:00:00.000Z",
      by: PEOPLE.opsDirector,
    });
    expect(event.kind).toBe("withdrawn");
  });

  it("withdraw needs a reason", () => {
    const error = expectAppError(
      () => withdrawCase(investigatingCase(), { reason: "" }, ctxAt("2026-11-05T10:00:00Z")),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["reason"]);
  });
});

describe("the records the guards need", () => {
  it("board-informed records which final outcome, defaulting to today in London", () => {
    const { next, event } = recordBoardInformed(
      outcomeSentCase(),
      { note: " Board pack " },
      ctxAt("2026-11-16T23:30:00Z"),
    );
    expect(next.boardInformed).toEqual([
      { of: "outcome", on: "2026-11-16", note: "Board pack", at: "2026-11-16T23:30:00.000Z", by: PEOPLE.opsDirector },
    ]);
    expect(event.summary).toContain("outcome");
    const decided = recordBoardInformed(appealDecidedCase(), { on: "2026-12-01" }, ctxAt("2026-12-02T10:00:00Z"));
    expect(decided.next.boardInformed[0]).toMatchObject({ of: "appeal-decision", on: "2026-12-01", note: null });
  });

  it("board-informed refuses a date in the future", () => {
    const error = expectAppError(
      () => recordBoardInformed(outcomeSentCase(), { on: "2026-11-17" }, ctxAt("2026-11-16T10:00:00Z")),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["on"]);
  });

  it("meeting needs notes and a date not in the future", () => {
    const c = outcomeSentCase();
    expect(
      fieldsOf(
        expectAppError(
          () => recordMeeting(c, { meetingDate: "2026-11-16", notes: " " }, ctxAt("2026-11-16T10:00:00Z")),
          "VALIDATION_FAILED",
        ),
      ),
    ).toEqual(["notes"]);
    expect(
      fieldsOf(
        expectAppError(
          () => recordMeeting(c, { meetingDate: "2026-11-17", notes: "x" }, ctxAt("2026-11-16T10:00:00Z")),
          "VALIDATION_FAILED",
        ),
      ),
    ).toEqual(["meetingDate"]);
  });

  it("meeting may be recorded before the outcome and still counts", () => {
    const early = meet(investigatingCase(), "2026-11-05T10:00:00Z");
    expect(early.meetings).toHaveLength(1);
    expect(unmetCloseGuards(outcomeSentCase({}, {}, early), "2026-11-28")).toEqual(["board-informed-of-final-outcome"]);
  });

  it("signpost records the awarding organisation on outcome-sent, appeal-decided and closed cases", () => {
    for (const c of [outcomeSentCase(), appealDecidedCase(), closedCase()]) {
      const { next, event } = recordSignpost(
        c,
        { awardingOrganisation: " City & Guilds ", contact: " ", note: null },
        ctxAt("2026-12-10T10:00:00Z"),
      );
      expect(next.stage).toBe(c.stage);
      expect(next.signposts).toEqual([
        {
          awardingOrganisation: "City & Guilds",
          contact: null,
          note: null,
          at: "2026-12-10T10:00:00.000Z",
          by: PEOPLE.opsDirector,
        },
      ]);
      expect(event.summary).toBe("Signposted to City & Guilds.");
    }
    expectAppError(
      () => recordSignpost(closedCase(), { awardingOrganisation: "" }, ctxAt("2026-12-10T10:00:00Z")),
      "VALIDATION_FAILED",
    );
  });
});

function juneInvestigating(): ComplaintCase {
  const triaged = triagedCase({}, receivedCase({ receivedAt: "2026-06-01T10:00:00Z" }));
  return investigatingCase({}, { sentAt: new Date("2026-06-02T10:00:00Z") }, triaged);
}
