import Holidays from "date-holidays";
import { compare, dayOfWeek } from "./plain-date.js";
import { type PlainDate, UK_DIVISIONS, type UkDivision } from "./types.js";

/** A day off for a UK division, as gov.uk lists it: always a weekday (a substitute day replaces a weekend date). */
export interface BankHoliday {
  readonly date: PlainDate;
  readonly title: string;
}

/** date-holidays' GB region codes. Wales has the same bank holidays as England, so England stands for both. */
const DATE_HOLIDAYS_REGION: Record<UkDivision, string> = {
  "england-and-wales": "ENG",
  scotland: "SCT",
  "northern-ireland": "NIR",
};

/**
 * A correction to date-holidays. `replaces` names the date its usual rule gives, which was not a day off that year.
 * Apart from 2012 (which date-holidays gets wrong), the entries pin one-off days by proclamation: date-holidays has
 * them today, but they are facts rather than rules, so no change of library version may drop them.
 */
interface Override {
  date: PlainDate;
  title: string;
  replaces?: PlainDate;
  divisions: readonly UkDivision[];
}

const EVERYWHERE = UK_DIVISIONS;

const OVERRIDES: readonly Override[] = [
  // Wrong in date-holidays: the spring bank holiday moved from Monday 28 May to Monday 4 June 2012 for the
  // Diamond Jubilee; date-holidays still gives 28 May.
  { date: "2012-06-04", replaces: "2012-05-28", title: "Spring bank holiday", divisions: EVERYWHERE },
  // Pinned: the extra Diamond Jubilee bank holiday.
  { date: "2012-06-05", title: "Queen’s Diamond Jubilee", divisions: EVERYWHERE },
  // Pinned: the early May bank holiday moved from Monday 4 May to Friday 8 May 2020 for the 75th VE Day.
  { date: "2020-05-08", replaces: "2020-05-04", title: "Early May bank holiday (VE day)", divisions: EVERYWHERE },
  // Pinned: the spring bank holiday moved from Monday 30 May to Thursday 2 June 2022 for the Platinum Jubilee.
  { date: "2022-06-02", replaces: "2022-05-30", title: "Spring bank holiday", divisions: EVERYWHERE },
  // Pinned: the extra Platinum Jubilee bank holiday.
  { date: "2022-06-03", title: "Platinum Jubilee bank holiday", divisions: EVERYWHERE },
  // Pinned: the State Funeral of Queen Elizabeth II.
  { date: "2022-09-19", title: "Bank Holiday for the State Funeral of Queen Elizabeth II", divisions: EVERYWHERE },
  // Pinned: the coronation of King Charles III.
  { date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III", divisions: EVERYWHERE },
];

// Building a Holidays instance parses the whole GB rule set, and each year's list is computed from rules: both are
// slow, so each is done once.
const instances = new Map<UkDivision, Holidays>();
const byYear = new Map<string, readonly BankHoliday[]>();

function holidaysFor(division: UkDivision): Holidays {
  let instance = instances.get(division);
  if (!instance) {
    instance = new Holidays("GB", DATE_HOLIDAYS_REGION[division], { languages: ["en"], timezone: "Europe/London" });
    instances.set(division, instance);
  }
  return instance;
}

const isWeekend = (d: PlainDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

function compute(division: UkDivision, year: number): readonly BankHoliday[] {
  const prefix = `${String(year).padStart(4, "0")}-`;
  const days = new Map<PlainDate, string>();
  for (const holiday of holidaysFor(division).getHolidays(year, "en")) {
    // GB bank holidays are type "public"; the rest (Mother's Day, Easter Sunday…) are "observance", not days off.
    if (holiday.type !== "public") continue;
    const date = holiday.date.slice(0, 10);
    // date-holidays lists both the weekend date and its substitute weekday; gov.uk, like the office, keeps only the
    // day off. The weekend is not a working day anyway.
    if (!date.startsWith(prefix) || isWeekend(date)) continue;
    days.set(date, holiday.name);
  }
  for (const override of OVERRIDES) {
    if (!override.divisions.includes(division) || !override.date.startsWith(prefix)) continue;
    if (override.replaces) days.delete(override.replaces);
    days.set(override.date, override.title);
  }
  const list = [...days].map(([date, title]) => Object.freeze({ date, title }));
  return Object.freeze(list.sort((a, b) => compare(a.date, b.date)));
}

/** The bank holidays of a UK division in a year, in date order (weekdays only, substitute days included). */
export function bankHolidays(division: UkDivision, year: number): ReadonlyArray<BankHoliday> {
  if (!UK_DIVISIONS.includes(division)) throw new Error(`Unknown UK division "${division}".`);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new Error(`Year ${year} is out of range.`);
  const key = `${division}:${year}`;
  let list = byYear.get(key);
  if (!list) {
    list = compute(division, year);
    byYear.set(key, list);
  }
  return list;
}
