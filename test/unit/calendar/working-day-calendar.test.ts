import { describe, expect, it } from "vitest";
import {
  type CalendarSettings,
  type UkDivision,
  WorkingDayCalendar,
} from "../../../src/server/domain/calendar/index.js";

const settings = (overrides: Partial<CalendarSettings> = {}): CalendarSettings => ({
  division: "england-and-wales",
  closureDays: [],
  officeOpens: "09:00",
  officeCloses: "17:00",
  ...overrides,
});
const calendarFor = (division: UkDivision, closureDays: string[] = []) =>
  new WorkingDayCalendar(settings({ division, closureDays }));

const england = calendarFor("england-and-wales");
const scotland = calendarFor("scotland");
const northernIreland = calendarFor("northern-ireland");
const deemed = (calendar: WorkingDayCalendar, iso: string) => calendar.deemedReceiptDate(new Date(iso));

describe("deemed receipt date", () => {
  it("counts a message just before closing on a Friday as that day, and one at closing as Monday", () => {
    expect(deemed(england, "2026-12-18T16:59:00Z")).toBe("2026-12-18");
    expect(deemed(england, "2026-12-18T16:59:59.999Z")).toBe("2026-12-18");
    expect(deemed(england, "2026-12-18T17:00:00Z")).toBe("2026-12-21");
  });

  it("counts a message before opening as received that day", () => {
    expect(deemed(england, "2026-06-30T07:00:00Z")).toBe("2026-06-30"); // 08:00 BST
    expect(deemed(england, "2026-12-21T00:01:00Z")).toBe("2026-12-21");
  });

  it("reads office hours in London time: BST in summer, GMT in winter", () => {
    expect(deemed(england, "2026-06-30T15:59:00Z")).toBe("2026-06-30"); // 16:59 BST
    expect(deemed(england, "2026-06-30T16:30:00Z")).toBe("2026-07-01"); // 17:30 BST
    expect(deemed(england, "2026-12-01T16:30:00Z")).toBe("2026-12-01"); // 16:30 GMT
    expect(deemed(england, "2026-06-29T23:30:00Z")).toBe("2026-06-30"); // 00:30 BST on the 30th
  });

  it("moves weekend and bank-holiday arrivals to the next working day", () => {
    expect(deemed(england, "2026-12-19T10:00:00Z")).toBe("2026-12-21"); // Saturday
    // Christmas 2026: Friday 25th, Boxing Day (Saturday) substituted on Monday 28th.
    expect(deemed(england, "2026-12-24T17:00:00Z")).toBe("2026-12-29");
    expect(deemed(england, "2026-12-25T11:00:00Z")).toBe("2026-12-29");
  });

  it("honours a different closing time", () => {
    const early = new WorkingDayCalendar(settings({ officeCloses: "16:00" }));
    expect(early.deemedReceiptDate(new Date("2026-12-01T15:59:00Z"))).toBe("2026-12-01");
    expect(early.deemedReceiptDate(new Date("2026-12-01T16:00:00Z"))).toBe("2026-12-02");
  });

  it("skips Easter Monday outside Scotland only", () => {
    // Thursday 2 April 2026 at 17:30 BST; Good Friday 3 April, Easter Monday 6 April.
    expect(deemed(england, "2026-04-02T16:30:00Z")).toBe("2026-04-07");
    expect(deemed(northernIreland, "2026-04-02T16:30:00Z")).toBe("2026-04-07");
    expect(deemed(scotland, "2026-04-02T16:30:00Z")).toBe("2026-04-06");
  });

  it("honours the organisation's closure days", () => {
    const closed = calendarFor("england-and-wales", ["2026-12-29", "2026-12-30", "2026-12-31"]);
    expect(deemed(closed, "2026-12-24T17:00:00Z")).toBe("2027-01-04");
    expect(closed.isWorkingDay("2026-12-30")).toBe(false);
    expect(england.isWorkingDay("2026-12-30")).toBe(true);
  });
});

describe("working days by division", () => {
  it("treats the Christmas 2026 bank holidays as non-working", () => {
    for (const calendar of [england, scotland, northernIreland]) {
      expect(calendar.isBankHoliday("2026-12-25")).toBe(true);
      expect(calendar.isBankHoliday("2026-12-28")).toBe(true);
      expect(calendar.isWorkingDay("2026-12-24")).toBe(true);
    }
  });

  it("gives Scotland 2 January", () => {
    expect(scotland.isWorkingDay("2026-01-02")).toBe(false);
    expect(england.isWorkingDay("2026-01-02")).toBe(true);
    // 2 January 2027 is a Saturday: Scotland's substitute is Monday 4 January.
    expect(scotland.isBankHoliday("2027-01-04")).toBe(true);
    expect(england.isBankHoliday("2027-01-04")).toBe(false);
  });

  it("gives Northern Ireland St Patrick's Day and the Twelfth", () => {
    expect(northernIreland.isWorkingDay("2026-03-17")).toBe(false);
    expect(england.isWorkingDay("2026-03-17")).toBe(true);
    // 12 July 2026 is a Sunday: the day off is Monday 13 July.
    expect(northernIreland.isBankHoliday("2026-07-13")).toBe(true);
  });

  it("gives Easter Monday everywhere but Scotland, and St Andrew's Day only in Scotland", () => {
    expect(england.isBankHoliday("2026-04-06")).toBe(true);
    expect(scotland.isBankHoliday("2026-04-06")).toBe(false);
    expect(scotland.isBankHoliday("2026-11-30")).toBe(true);
    expect(england.isBankHoliday("2026-11-30")).toBe(false);
  });

  it("finds the next working day strictly after a date", () => {
    expect(england.nextWorkingDay("2026-12-21")).toBe("2026-12-22");
    expect(england.nextWorkingDay("2026-12-24")).toBe("2026-12-29");
    expect(england.nextWorkingDay("2026-12-31")).toBe("2027-01-04");
  });
});

describe("response due = deemed receipt + 10 working days", () => {
  const responseDue = (calendar: WorkingDayCalendar, iso: string) =>
    calendar.addWorkingDays(calendar.deemedReceiptDate(new Date(iso)), 10);

  it("across Christmas and New Year 2026", () => {
    // From Monday 21 December: 22, 23, 24, (25, 28 bank holidays) 29, 30, 31, (1 January) 4, 5, 6, 7.
    expect(responseDue(england, "2026-12-21T10:00:00Z")).toBe("2027-01-07");
    // Scotland also has Monday 4 January 2027 (2 January substitute).
    expect(responseDue(scotland, "2026-12-21T10:00:00Z")).toBe("2027-01-08");
  });

  it("across Easter 2026", () => {
    // Deemed Tuesday 7 April; 8, 9, 10, 13, 14, 15, 16, 17, 20, 21.
    expect(responseDue(england, "2026-04-02T16:30:00Z")).toBe("2026-04-21");
    // Scotland: deemed Monday 6 April; 7, 8, 9, 10, 13, 14, 15, 16, 17, 20.
    expect(responseDue(scotland, "2026-04-02T16:30:00Z")).toBe("2026-04-20");
  });

  it("across the May 2026 bank holidays", () => {
    // Received Friday 22 May 2026 at 10:00 BST; 25 May is the spring bank holiday.
    // 26, 27, 28, 29 May, 1, 2, 3, 4, 5, 8 June.
    expect(responseDue(england, "2026-05-22T09:00:00Z")).toBe("2026-06-08");
  });
});

describe("counting working days", () => {
  it("treats the receipt date as day 0", () => {
    expect(england.addWorkingDays("2026-12-21", 0)).toBe("2026-12-21");
    expect(england.addWorkingDays("2026-12-26", 0)).toBe("2026-12-26");
    expect(england.addWorkingDays("2026-12-21", 1)).toBe("2026-12-22");
  });

  it("counts between dates over the half-open range (from, to]", () => {
    expect(england.workingDaysBetween("2026-12-21", "2027-01-07")).toBe(10);
    expect(england.workingDaysBetween("2027-01-07", "2026-12-21")).toBe(-10);
    expect(england.workingDaysBetween("2026-12-21", "2026-12-21")).toBe(0);
    expect(england.workingDaysBetween("2026-12-24", "2026-12-28")).toBe(0);
    expect(england.workingDaysBetween("2026-12-25", "2026-12-29")).toBe(1);
  });

  it("rejects negative or fractional counts and invalid dates", () => {
    expect(() => england.addWorkingDays("2026-12-21", -1)).toThrow(/whole number/);
    expect(() => england.addWorkingDays("2026-12-21", 1.5)).toThrow(/whole number/);
    expect(() => england.isWorkingDay("2026-02-30")).toThrow(/not a valid date/);
    expect(() => england.workingDaysBetween("2026-12-21", "21/12/2026")).toThrow(/not a valid date/);
  });
});

describe("settings validation", () => {
  it.each([
    [{ officeOpens: "9:00" }, /officeOpens "9:00".*HH:MM/],
    [{ officeCloses: "24:00" }, /officeCloses "24:00"/],
    [{ officeOpens: "17:00", officeCloses: "09:00" }, /must open \(17:00\) before it closes \(09:00\)/],
    [{ officeOpens: "09:00", officeCloses: "09:00" }, /must open/],
    [{ closureDays: ["2026-12-29", "2026-02-30"] }, /closure days.*2026-02-30/],
    [{ division: "wales" as UkDivision }, /division "wales"/],
  ])("rejects %o", (overrides, message) => {
    expect(() => new WorkingDayCalendar(settings(overrides))).toThrow(message);
  });
});
