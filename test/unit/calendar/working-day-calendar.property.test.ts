import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compare,
  dayOfWeek,
  londonDateTime,
  type PlainDate,
  UK_DIVISIONS,
  WorkingDayCalendar,
} from "../../../src/server/domain/calendar/index.js";

const FIRST = "2012-01-01";
const SPAN_DAYS = 365 * 17; // to the end of 2028, the years gov.uk data covers

const plainDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((n) => addDays(FIRST, n));

const calendar = fc
  .record({
    division: fc.constantFrom(...UK_DIVISIONS),
    closureDays: fc.array(plainDate, { maxLength: 20 }),
    closes: fc.integer({ min: 10 * 60, max: 20 * 60 }),
  })
  .map(
    ({ division, closureDays, closes }) =>
      new WorkingDayCalendar({
        division,
        closureDays,
        officeOpens: "09:00",
        officeCloses: `${String(Math.floor(closes / 60)).padStart(2, "0")}:${String(closes % 60).padStart(2, "0")}`,
      }),
  );

/** A calendar and one of its working days. */
const calendarAndWorkingDay = fc
  .tuple(calendar, plainDate)
  .map(([cal, d]): [WorkingDayCalendar, PlainDate] => [cal, cal.isWorkingDay(d) ? d : cal.nextWorkingDay(d)]);

const count = fc.integer({ min: 0, max: 40 });
const instant = fc.date({
  min: new Date("2012-01-01T00:00:00Z"),
  max: new Date("2028-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("working-day calendar properties", () => {
  it("addWorkingDays(d, n) is a working day for n ≥ 1", () => {
    fc.assert(
      fc.property(calendar, plainDate, fc.integer({ min: 1, max: 40 }), (cal, d, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(d, n))).toBe(true);
      }),
    );
  });

  it("addWorkingDays is strictly increasing in n", () => {
    fc.assert(
      fc.property(calendar, plainDate, count, (cal, d, n) => {
        expect(compare(cal.addWorkingDays(d, n), cal.addWorkingDays(d, n + 1))).toBeLessThan(0);
      }),
    );
  });

  it("workingDaysBetween undoes addWorkingDays, and swapping the dates negates it", () => {
    fc.assert(
      fc.property(calendar, plainDate, count, (cal, d, n) => {
        const later = cal.addWorkingDays(d, n);
        expect(cal.workingDaysBetween(d, later)).toBe(n);
        expect(cal.workingDaysBetween(later, d)).toBe(0 - n);
      }),
    );
  });

  it("workingDaysBetween counts the working days in (from, to], over spans of years", () => {
    fc.assert(
      fc.property(calendar, plainDate, plainDate, (cal, a, b) => {
        const [from, to] = compare(a, b) <= 0 ? [a, b] : [b, a];
        let walked = 0;
        for (let d = from; compare(d, to) < 0; ) {
          d = addDays(d, 1);
          if (cal.isWorkingDay(d)) walked++;
        }
        expect(cal.workingDaysBetween(from, to)).toBe(walked);
      }),
      { numRuns: 200 },
    );
  });

  it("plain dates survive the day count both ways, and invalid ones are refused", () => {
    fc.assert(
      fc.property(
        // To the day before the last supported one: the day after 9999-12-31 is out of range (checked below).
        fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-30T00:00:00Z"), noInvalidDate: true }),
        (at) => {
          const iso = at.toISOString().slice(0, 10);
          expect(addDays(iso, 0)).toBe(iso);
          expect(addDays(addDays(iso, 1), -1)).toBe(iso);
          expect(dayOfWeek(iso)).toBe(at.getUTCDay());
        },
      ),
    );
    for (const bad of ["2026-02-29", "2025-13-01", "2026-00-10", "2026-4-01", "2026-04-31", "0000-01-01", "2026-04-0x"])
      expect(() => addDays(bad, 1)).toThrow(/not a valid date/);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(() => addDays("9999-12-31", 1)).toThrow(/out of range/);
  });

  it("adding a then b working days equals adding a + b from a working day", () => {
    fc.assert(
      fc.property(calendarAndWorkingDay, count, count, ([cal, d], a, b) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, a), b)).toBe(cal.addWorkingDays(d, a + b));
      }),
    );
  });

  it("nextWorkingDay is a later working day with none in between", () => {
    fc.assert(
      fc.property(calendar, plainDate, (cal, d) => {
        const next = cal.nextWorkingDay(d);
        expect(compare(next, d)).toBeGreaterThan(0);
        expect(cal.isWorkingDay(next)).toBe(true);
        for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
      }),
    );
  });

  it("never treats a weekend day as a working day", () => {
    fc.assert(
      fc.property(calendar, plainDate, (cal, d) => {
        if (dayOfWeek(d) === 0 || dayOfWeek(d) === 6) expect(cal.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it("deemedReceiptDate is a working day, never before the London date, and the same day during office hours", () => {
    fc.assert(
      fc.property(calendar, instant, (cal, at) => {
        const deemed = cal.deemedReceiptDate(at);
        const { date, minutes } = londonDateTime(at);
        expect(cal.isWorkingDay(deemed)).toBe(true);
        expect(compare(deemed, date)).toBeGreaterThanOrEqual(0);
        if (cal.isWorkingDay(date) && minutes < cal.officeClosesMinutes) expect(deemed).toBe(date);
        else expect(deemed).toBe(cal.nextWorkingDay(date));
      }),
    );
  });
});

/** An independent oracle: BST runs from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last Sunday of October. */
function londonOffsetHours(at: Date): number {
  const year = at.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    return last.getTime();
  };
  return at.getTime() >= lastSunday(2) && at.getTime() < lastSunday(9) ? 1 : 0;
}

describe("londonDateTime properties", () => {
  it("agrees with the UK daylight-saving rule", () => {
    fc.assert(
      fc.property(instant, (at) => {
        const local = new Date(at.getTime() + londonOffsetHours(at) * 3_600_000);
        expect(londonDateTime(at)).toEqual({
          date: local.toISOString().slice(0, 10),
          minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("addDays composes and keeps the weekly cycle", () => {
    fc.assert(
      fc.property(
        plainDate,
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, a, b) => {
          expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
          expect(dayOfWeek(addDays(d, 7 * a))).toBe(dayOfWeek(d));
        },
      ),
    );
  });
});
