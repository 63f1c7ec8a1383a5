import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFor } from "../../../src/server/app/case-calendar.js";
import { addDays } from "../../../src/server/domain/calendar/plain-date.js";
import { DEFAULT_POLICY } from "../../../src/server/domain/policy.js";
import { workingDaysLeftMemo } from "../../../src/server/http/presenters.js";

describe("working days left on the board", () => {
  it("matches the calendar's own count for any deadline, in any order of asking", () => {
    const calendar = calendarFor(DEFAULT_POLICY);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 40 }),
        (start, offsets) => {
          const today = addDays("2020-01-01", start);
          const left = workingDaysLeftMemo(today);
          for (const offset of offsets) {
            const due = addDays(today, offset);
            expect(left(DEFAULT_POLICY, due)).toBe(calendar.workingDaysBetween(today, due));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("has no deadline to count when none runs", () => {
    expect(workingDaysLeftMemo("2026-11-26")(DEFAULT_POLICY, null)).toBeNull();
  });
});
