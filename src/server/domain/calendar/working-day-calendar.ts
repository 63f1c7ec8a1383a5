import { bankHolidays } from "./bank-holidays.js";
import {
  addDays,
  compare,
  dayOfWeek,
  isValidPlainDate,
  londonDateTime,
  parsePlainDate,
  toEpochDay,
  yearOf,
} from "./plain-date.js";
import { type CalendarSettings, type PlainDate, UK_DIVISIONS, type UkDivision } from "./types.js";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_REMEMBERED = 10_000;

function minutesOf(name: string, value: string): number {
  const match = HH_MM.exec(value);
  if (!match) throw new Error(`Calendar settings: ${name} "${value}" must be a 24-hour time written HH:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Day 0 (1970-01-01) was a Thursday: shifted by 3, a week runs Monday (0) to Sunday (6). */
const weekdayIndex = (epochDay: number): number => (((epochDay + 3) % 7) + 7) % 7;
const isWeekend = (epochDay: number): boolean => weekdayIndex(epochDay) >= 5;

/** Monday to Friday days on or before `epochDay`, counted from a fixed Monday: differences of two are exact. */
function weekdaysUpTo(epochDay: number): number {
  const fromMonday = epochDay + 3;
  return Math.floor(fromMonday / 7) * 5 + Math.min(weekdayIndex(epochDay) + 1, 5);
}

/** The number of entries of the sorted `days` that are ≤ `epochDay` (binary search). */
function countUpTo(days: readonly number[], epochDay: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((days[mid] ?? 0) <= epochDay) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Working days for one organisation: weekdays that are neither a bank holiday of its UK division nor one of its own
 * closure days. Deadlines in the complaints procedure are counted in these days.
 */
export class WorkingDayCalendar {
  readonly division: UkDivision;
  private readonly closureDays: ReadonlySet<PlainDate>;
  private readonly opensAt: number;
  private readonly closesAt: number;
  private readonly holidaySets = new Map<number, ReadonlySet<PlainDate>>();
  /** Per year, the weekdays that are not working days (bank holidays, closure days) as sorted epoch days. */
  private readonly weekdaysOff = new Map<number, readonly number[]>();
  /** Answers of addWorkingDays: the same few dates are asked about all day long (every new case asks twice). */
  private readonly workingDaysAfter = new Map<string, PlainDate>();

  constructor(settings: CalendarSettings) {
    if (!UK_DIVISIONS.includes(settings.division)) {
      throw new Error(`Calendar settings: division "${settings.division}" must be one of ${UK_DIVISIONS.join(", ")}.`);
    }
    this.division = settings.division;
    this.opensAt = minutesOf("officeOpens", settings.officeOpens);
    this.closesAt = minutesOf("officeCloses", settings.officeCloses);
    if (this.opensAt >= this.closesAt) {
      throw new Error(
        `Calendar settings: the office must open (${settings.officeOpens}) before it closes (${settings.officeCloses}).`,
      );
    }
    const invalid = settings.closureDays.filter((d) => !isValidPlainDate(d));
    if (invalid.length > 0) {
      throw new Error(`Calendar settings: closure days must be dates written YYYY-MM-DD; not ${invalid.join(", ")}.`);
    }
    this.closureDays = new Set(settings.closureDays);
  }

  /** True on a bank holiday of this calendar's division. */
  isBankHoliday(d: PlainDate): boolean {
    const year = yearOf(d);
    let set = this.holidaySets.get(year);
    if (!set) {
      set = new Set(bankHolidays(this.division, year).map((h) => h.date));
      this.holidaySets.set(year, set);
    }
    return set.has(d);
  }

  /** True on a weekday that is neither a bank holiday nor a closure day. */
  isWorkingDay(d: PlainDate): boolean {
    const weekday = dayOfWeek(d);
    return weekday !== 0 && weekday !== 6 && !this.isBankHoliday(d) && !this.closureDays.has(d);
  }

  /** The first working day strictly after `d`. */
  nextWorkingDay(d: PlainDate): PlainDate {
    let next = addDays(d, 1);
    while (!this.isWorkingDay(next)) next = addDays(next, 1);
    return next;
  }

  /**
   * The `n`th working day after `d`; `d` itself is day 0, so `n = 0` returns `d` (even when it is not a working
   * day) and `n = 1` returns the next working day.
   */
  addWorkingDays(d: PlainDate, n: number): PlainDate {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Cannot add ${n} working days: a whole number ≥ 0 is needed.`);
    const key = `${d}+${n}`;
    const known = this.workingDaysAfter.get(key);
    if (known !== undefined) return known;
    let result = parsePlainDate(d);
    for (let i = 0; i < n; i++) result = this.nextWorkingDay(result);
    // Bounded: a long-running server asked about many dates starts again rather than growing.
    if (this.workingDaysAfter.size >= MAX_REMEMBERED) this.workingDaysAfter.clear();
    this.workingDaysAfter.set(key, result);
    return result;
  }

  /**
   * The number of working days in the half-open range (from, to]: after `from`, up to and including `to`. When
   * `to` is before `from` the answer is minus the count over (to, from]; equal dates give 0. Hence
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for any date `d`, and swapping the arguments negates it.
   */
  workingDaysBetween(from: PlainDate, to: PlainDate): number {
    const order = compare(from, to);
    // "0 -" rather than unary minus: an empty range must give 0, not -0 (which Object.is tells apart).
    if (order > 0) return 0 - this.workingDaysBetween(to, from);
    // Counted, not walked: a board asks this for every card, and an old case's deadline can be years away.
    const start = toEpochDay(from);
    const end = toEpochDay(to);
    let count = weekdaysUpTo(end) - weekdaysUpTo(start);
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      const off = this.weekdaysOffIn(year);
      count -= countUpTo(off, end) - countUpTo(off, start);
    }
    return count;
  }

  private weekdaysOffIn(year: number): readonly number[] {
    let off = this.weekdaysOff.get(year);
    if (!off) {
      const days = new Set<number>();
      for (const h of bankHolidays(this.division, year)) days.add(toEpochDay(h.date));
      for (const d of this.closureDays) if (yearOf(d) === year) days.add(toEpochDay(d));
      off = [...days].filter((day) => !isWeekend(day)).sort((a, b) => a - b);
      this.weekdaysOff.set(year, off);
    }
    return off;
  }

  /**
   * The date a message counts as received (DESIGN §2). In Europe/London: on a working day before closing time it
   * is that day (arriving before opening does not move it); at or after closing time, or on any other day, it is
   * the next working day.
   */
  deemedReceiptDate(instant: Date): PlainDate {
    const { date, minutes } = londonDateTime(instant);
    if (this.isWorkingDay(date) && minutes < this.closesAt) return date;
    return this.nextWorkingDay(date);
  }

  /** Minutes after midnight at which the office opens; kept for callers that show office hours. */
  get officeOpensMinutes(): number {
    return this.opensAt;
  }

  /** Minutes after midnight at which the office closes. */
  get officeClosesMinutes(): number {
    return this.closesAt;
  }
}
