import { describe, expect, it } from "vitest";
import {
  addDays,
  compare,
  dayOfWeek,
  formatUkLong,
  formatUkShort,
  isValidPlainDate,
  londonDateTime,
  parsePlainDate,
} from "../../../src/server/domain/calendar/index.js";

describe("plain dates", () => {
  it("accepts real dates and rejects everything else", () => {
    expect(isValidPlainDate("2024-02-29")).toBe(true);
    for (const bad of [
      "2023-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-1-01",
      "26-01-01",
      " 2026-01-01",
      20260101,
    ]) {
      expect(isValidPlainDate(bad), String(bad)).toBe(false);
    }
    expect(parsePlainDate("2026-11-25")).toBe("2026-11-25");
    expect(() => parsePlainDate("2026-02-30")).toThrow(/not a valid date/);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // across the clocks going forward
    expect(() => addDays("2026-01-01", 0.5)).toThrow();
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("2026-12-25")).toBe(5); // Friday
    expect(dayOfWeek("2026-12-27")).toBe(0); // Sunday
    expect(dayOfWeek("1970-01-01")).toBe(4);
    expect(dayOfWeek("1969-12-28")).toBe(0);
  });

  it("compares dates", () => {
    expect(compare("2026-01-02", "2026-01-10")).toBeLessThan(0);
    expect(compare("2026-01-10", "2026-01-10")).toBe(0);
    expect(compare("2027-01-01", "2026-12-31")).toBeGreaterThan(0);
  });

  it("formats dates the UK way", () => {
    expect(formatUkLong("2026-11-25")).toBe("25 November 2026");
    expect(formatUkLong("2026-01-05")).toBe("5 January 2026");
    expect(formatUkShort("2026-11-25")).toBe("25/11/2026");
    expect(formatUkShort("2026-01-05")).toBe("05/01/2026");
  });
});

describe("londonDateTime", () => {
  const at = (iso: string) => londonDateTime(new Date(iso));

  it("uses GMT in winter and BST in summer", () => {
    expect(at("2026-12-18T16:59:00Z")).toEqual({ date: "2026-12-18", minutes: 16 * 60 + 59 });
    expect(at("2026-06-30T16:30:00Z")).toEqual({ date: "2026-06-30", minutes: 17 * 60 + 30 });
  });

  it("gives the London date, not the UTC date, just after midnight in BST", () => {
    expect(at("2026-06-29T23:30:00Z")).toEqual({ date: "2026-06-30", minutes: 30 });
  });

  it("follows the clock changes", () => {
    // 29 March 2026: clocks go forward at 01:00 GMT.
    expect(at("2026-03-29T00:59:00Z")).toEqual({ date: "2026-03-29", minutes: 59 });
    expect(at("2026-03-29T01:00:00Z")).toEqual({ date: "2026-03-29", minutes: 120 });
    // 25 October 2026: clocks go back at 01:00 GMT, so 01:30 happens twice.
    expect(at("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", minutes: 90 });
    expect(at("2026-10-25T01:30:00Z")).toEqual({ date: "2026-10-25", minutes: 90 });
  });

  it("shows midnight as 0, not 24", () => {
    expect(at("2026-01-15T00:00:00Z")).toEqual({ date: "2026-01-15", minutes: 0 });
  });

  it("rejects an invalid Date", () => {
    expect(() => londonDateTime(new Date(Number.NaN))).toThrow(/invalid Date/);
  });
});
