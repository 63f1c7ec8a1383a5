import { describe, expect, it } from "vitest";
import { recordBoardInformed } from "../../../src/server/domain/procedure/closing.js";
import { AT, appealDecidedCase, ctxAt, expectAppError, fieldsOf, outcomeSentCase } from "./builders.js";

/** The outcome is sent on Friday 13 Nov 2026 (AT.outcome); the appeal decision on Tuesday 1 Dec (AT.decision). */
describe("recordBoardInformed: the date the Board was told", () => {
  const later = "2026-12-10T10:00:00Z";

  it("refuses a date before the outcome was sent (VALIDATION_FAILED on `on`)", () => {
    const error = expectAppError(
      () => recordBoardInformed(outcomeSentCase(), { on: "2026-11-12" }, ctxAt(later)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["on"]);
    expect(error.message).toContain("2026-11-13");
  });

  it("takes the day the outcome was sent itself, and any day after", () => {
    const sameDay = recordBoardInformed(outcomeSentCase(), { on: AT.outcome.slice(0, 10) }, ctxAt(later));
    expect(sameDay.next.boardInformed.at(-1)?.on).toBe("2026-11-13");
    const after = recordBoardInformed(outcomeSentCase(), { on: "2026-11-20" }, ctxAt(later));
    expect(after.next.boardInformed.at(-1)?.on).toBe("2026-11-20");
  });

  it("after an appeal, refuses a date before the appeal decision was sent, even if after the outcome", () => {
    const decided = appealDecidedCase();
    const error = expectAppError(
      () => recordBoardInformed(decided, { on: "2026-11-20" }, ctxAt(later)),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["on"]);
    const ok = recordBoardInformed(decided, { on: AT.decision.slice(0, 10) }, ctxAt(later));
    expect(ok.next.boardInformed.at(-1)).toMatchObject({ of: "appeal-decision", on: "2026-12-01" });
  });
});
