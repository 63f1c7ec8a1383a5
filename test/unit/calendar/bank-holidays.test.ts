import { describe, expect, it } from "vitest";
import { bankHolidays, UK_DIVISIONS, WorkingDayCalendar } from "../../../src/server/domain/calendar/index.js";
import { GOV_UK_MISSING, GOV_UK_SKIP_MESSAGE, govUkDates } from "./gov-uk-bank-holidays.js";

const YEARS = Array.from({ length: 2028 - 2012 + 1 }, (_, i) => 2012 + i);

if (GOV_UK_MISSING) console.warn(GOV_UK_SKIP_MESSAGE);

const title = GOV_UK_MISSING ? GOV_UK_SKIP_MESSAGE : "bank holidays match gov.uk 2012–2028";

describe.skipIf(GOV_UK_MISSING)(title, () => {
  for (const division of UK_DIVISIONS) {
    const calendar = new WorkingDayCalendar({ division, closureDays: [], officeOpens: "09:00", officeCloses: "17:00" });
    it.each(YEARS)(`${division} %i`, (year) => {
      const ours = bankHolidays(division, year).map((h) => h.date);
      expect(ours).toEqual([...govUkDates(division, year)].sort());
      for (const date of ours) expect(calendar.isWorkingDay(date), date).toBe(false);
    });
  }
});

describe("bankHolidays", () => {
  it("lists each date once, in order, with a title", () => {
    const list = bankHolidays("scotland", 2022);
    expect(list.map((h) => h.date)).toEqual([...new Set(list.map((h) => h.date))].sort());
    for (const h of list) expect(h.title).not.toBe("");
  });

  it("keeps only weekdays: the substitute day stands in for a weekend date", () => {
    // 1 January 2022 was a Saturday; the day off was Monday 3 January.
    const dates = bankHolidays("england-and-wales", 2022).map((h) => h.date);
    expect(dates).not.toContain("2022-01-01");
    expect(dates).toContain("2022-01-03");
  });

  it("applies the 2012 move of the spring bank holiday in every division", () => {
    for (const division of UK_DIVISIONS) {
      const dates = bankHolidays(division, 2012).map((h) => h.date);
      expect(dates).toContain("2012-06-04");
      expect(dates).toContain("2012-06-05");
      expect(dates).not.toContain("2012-05-28");
    }
  });

  it("includes the one-off days of 2022 and 2023", () => {
    const dates = [...bankHolidays("northern-ireland", 2022), ...bankHolidays("northern-ireland", 2023)].map(
      (h) => h.date,
    );
    expect(dates).toEqual(expect.arrayContaining(["2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]));
    expect(dates).not.toContain("2022-05-30");
  });

  it("returns the same cached list on a second call", () => {
    expect(bankHolidays("england-and-wales", 2026)).toBe(bankHolidays("england-and-wales", 2026));
  });

  it("rejects an unknown division or a year that is not a whole number", () => {
    expect(() => bankHolidays("wales" as never, 2026)).toThrow(/Unknown UK division/);
    expect(() => bankHolidays("scotland", 2026.5)).toThrow(/out of range/);
  });
});
