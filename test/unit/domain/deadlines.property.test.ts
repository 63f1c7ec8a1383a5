import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayOfWeek,
  londonDateTime,
  type PlainDate,
  UK_DIVISIONS,
  type UkDivision,
} from "../../../src/server/domain/calendar/index.js";
import { GOV_UK_MISSING, govUkDates } from "../calendar/gov-uk-bank-holidays.js";
import { calendarFor, policyWith, receivedCase } from "./builders.js";

const POLICIES = Object.fromEntries(UK_DIVISIONS.map((division) => [division, policyWith({ division })])) as Record<
  UkDivision,
  ReturnType<typeof policyWith>
>;

/** Receipt instants whose deadlines stay within the years gov.uk publishes (2012–2028). */
const instant = fc.date({
  min: new Date("2012-01-01T00:00:00Z"),
  max: new Date("2028-11-30T23:59:59Z"),
  noInvalidDate: true,
});
const division = fc.constantFrom(...UK_DIVISIONS);

/** A working day by gov.uk's own list, independent of the product's calendar. */
function govUkWorkingDay(d: PlainDate, div: UkDivision): boolean {
  const weekday = dayOfWeek(d);
  return weekday !== 0 && weekday !== 6 && !govUkDates(div, Number(d.slice(0, 4))).includes(d);
}

function govUkWorkingDaysBetween(from: PlainDate, to: PlainDate, div: UkDivision): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (govUkWorkingDay(d, div)) count++;
  return count;
}

describe("deadline properties over 2012–2028, every UK division", () => {
  it("the response is due on a working day, 10 working days after the deemed receipt", () => {
    fc.assert(
      fc.property(instant, division, (at, div) => {
        const c = receivedCase({ receivedAt: at.toISOString(), policy: POLICIES[div] });
        const calendar = calendarFor(POLICIES[div]);
        expect(calendar.isWorkingDay(c.responseDueDate)).toBe(true);
        expect(c.responseDueDate > c.deemedReceivedOn).toBe(true);
        expect(calendar.workingDaysBetween(c.deemedReceivedOn, c.responseDueDate)).toBe(10);
        expect(calendar.workingDaysBetween(c.deemedReceivedOn, c.acknowledgeDueDate)).toBe(2);
      }),
      { numRuns: 500 },
    );
  });

  it("the deemed receipt is a working day, never before the London date, and is that date when in office hours", () => {
    fc.assert(
      fc.property(instant, division, (at, div) => {
        const c = receivedCase({ receivedAt: at.toISOString(), policy: POLICIES[div] });
        const calendar = calendarFor(POLICIES[div]);
        const london = londonDateTime(at);
        expect(c.deemedReceivedOn >= london.date).toBe(true);
        expect(calendar.isWorkingDay(c.deemedReceivedOn)).toBe(true);
        const sameDay = calendar.isWorkingDay(london.date) && london.minutes < 17 * 60;
        expect(c.deemedReceivedOn === london.date).toBe(sameDay);
        // Never more than the next working day.
        if (!sameDay) expect(c.deemedReceivedOn).toBe(calendar.nextWorkingDay(london.date));
      }),
      { numRuns: 500 },
    );
  });

  it.skipIf(GOV_UK_MISSING)("agrees with gov.uk's bank-holiday list", () => {
    fc.assert(
      fc.property(instant, division, (at, div) => {
        const c = receivedCase({ receivedAt: at.toISOString(), policy: POLICIES[div] });
        expect(govUkWorkingDay(c.deemedReceivedOn, div)).toBe(true);
        expect(govUkWorkingDay(c.responseDueDate, div)).toBe(true);
        expect(govUkWorkingDaysBetween(c.deemedReceivedOn, c.responseDueDate, div)).toBe(10);
        expect(govUkWorkingDaysBetween(c.deemedReceivedOn, c.acknowledgeDueDate, div)).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});
