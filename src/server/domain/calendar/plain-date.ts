import type { PlainDate } from "./types.js";

/**
 * Helpers on plain `YYYY-MM-DD` dates. Arithmetic runs on whole days since 1970-01-01 in UTC, where every day is
 * 24 hours long, so no daylight-saving change can shift a date.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Days in each month of a common year; February gains a day in leap years. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const DIGIT_0 = 48;

/** The value of `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digitsAt(value: string, at: number, count: number): number {
  let result = 0;
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

// Read character by character rather than with a RegExp and a Date: deadlines over thousands of cases ask this
// millions of times (a board of 10,000 cards counts the working days left on each).
function partsOf(value: string): DateParts | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // 45 is "-"
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isValidPlainDate(value: unknown): value is PlainDate {
  return typeof value === "string" && partsOf(value) !== null;
}

/** Returns `value` unchanged when it is a valid plain date; throws otherwise. */
export function parsePlainDate(value: string): PlainDate {
  if (!isValidPlainDate(value)) throw new Error(`"${value}" is not a valid date: expected YYYY-MM-DD.`);
  return value;
}

function strictParts(d: PlainDate): DateParts {
  const parts = partsOf(d);
  if (!parts) throw new Error(`"${d}" is not a valid date: expected YYYY-MM-DD.`);
  return parts;
}

/*
 * Whole days since 1970-01-01 in the proleptic Gregorian calendar, and back, by Howard Hinnant's
 * days_from_civil / civil_from_days (http://howardhinnant.github.io/date_algorithms.html): exact for every year,
 * with no Date object and no time zone involved.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): DateParts {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Whole days since 1970-01-01 (negative before it). Throws on anything but a valid `YYYY-MM-DD`. */
export function toEpochDay(d: PlainDate): number {
  const { year, month, day } = strictParts(d);
  return daysFromCivil(year, month, day);
}

/** The date `epochDay` whole days after 1970-01-01; years 0001–9999 only. */
export function fromEpochDay(epochDay: number): PlainDate {
  const { year, month, day } = civilFromDays(epochDay);
  if (year < 1 || year > 9999) throw new Error(`Date out of range (${epochDay} days from 1970-01-01).`);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** The year of a plain date. */
export function yearOf(d: PlainDate): number {
  return strictParts(d).year;
}

/** The date `n` days after `d` (before it when `n` is negative). */
export function addDays(d: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n)) throw new Error(`Cannot add ${n} days: a whole number is needed.`);
  return fromEpochDay(toEpochDay(d) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

/** Negative when a is earlier than b, 0 when equal, positive when later (fit for `Array.prototype.sort`). */
export function compare(a: PlainDate, b: PlainDate): number {
  strictParts(a);
  strictParts(b);
  // Zero-padded YYYY-MM-DD strings sort in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

// Creating a DateTimeFormat is costly; one instance serves every call. Made on first use, so code that only
// spells dates (the tab's first paint, in a browser where the first formatter costs ~50 ms) never pays for it.
let londonFormatter: Intl.DateTimeFormat | undefined;

/** The Europe/London wall-clock date and time (minutes since local midnight) of an instant, GMT or BST as due. */
export function londonDateTime(instant: Date): { date: PlainDate; minutes: number } {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new Error("Cannot convert an invalid Date to London time.");
  // London's offset changes only on whole hours, so every instant of one UTC minute has the same answer: the
  // last minute asked about (usually "now", asked many times a second under load) is answered without formatting.
  const minute = Math.floor(time / 60_000);
  if (minute === lastMinute.minute) return { ...lastMinute.answer };
  const answer = formatLondon(instant);
  lastMinute = { minute, answer };
  return { ...answer };
}

let lastMinute: { minute: number; answer: { date: PlainDate; minutes: number } } = {
  minute: Number.NaN,
  answer: { date: "1970-01-01", minutes: 0 },
};

function formatLondon(instant: Date): { date: PlainDate; minutes: number } {
  const fields: Record<string, string> = {};
  londonFormatter ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  for (const part of londonFormatter.formatToParts(instant)) fields[part.type] = part.value;
  const date = `${fields.year}-${fields.month}-${fields.day}`;
  if (!isValidPlainDate(date)) throw new Error(`Instant ${instant.toISOString()} is outside the supported years.`);
  return { date, minutes: Number(fields.hour) * 60 + Number(fields.minute) };
}

/** "25 November 2026": the form for letters. */
export function formatUkLong(d: PlainDate): string {
  const { year, month, day } = strictParts(d);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "25/11/2026": the short UK form. */
export function formatUkShort(d: PlainDate): string {
  strictParts(d);
  const [year, month, day] = d.split("-");
  return `${day}/${month}/${year}`;
}
