// Plain dates are spelled out without Intl (the board's first paint must not pay for the browser's locale data):
// the words must still be the UK long date every other screen shows.
import { describe, expect, it } from "vitest";
import { ukDate } from "../../../src/teams/format.js";

describe("ukDate", () => {
  it("spells a plain date the UK way, with no time zone shift", () => {
    expect(ukDate("2026-11-25")).toBe("25 November 2026");
    expect(ukDate("2027-01-01")).toBe("1 January 2027");
    expect(ukDate("2026-03-29")).toBe("29 March 2026"); // the day the clocks go forward
    expect(ukDate("2026-12-31T23:30:00Z")).toBe("31 December 2026"); // only the date part is read
  });

  it("agrees with Intl's en-GB long date for every day of a leap year", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    for (
      let day = new Date(Date.UTC(2028, 0, 1));
      day.getUTCFullYear() === 2028;
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      expect(ukDate(day.toISOString().slice(0, 10))).toBe(intl.format(day));
    }
  });

  it("says nothing is there for a missing date and leaves what is not a date as it is", () => {
    expect(ukDate(null)).toBe("—");
    expect(ukDate(undefined)).toBe("—");
    expect(ukDate("")).toBe("—");
    expect(ukDate("2026-13-01")).toBe("2026-13-01");
  });
});
