import type { PlainDate } from "./types.js";

/**
 * Helpers on plain `YYYY-MM-DD` dates. Arithmetic runs on whole days since 1970-01-01 in UTC, where every day is
 * 24 hours long, so no daylight-saving change can shift a date.
 */

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

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

function partsOf(value: string): DateParts | null {
  const match = PLAIN_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (setUTCFullYear keeps years below 100 literal).
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  if (day > lastDay.getUTCDate()) return null;
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

function toEpochDay(d: PlainDate): number {
  const { year, month, day } = strictParts(d);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): PlainDate {
  const iso = new Date(epochDay * MS_PER_DAY).toISOString();
  const result = iso.slice(0, 10);
  if (!isValidPlainDate(result)) throw new Error(`Date out of range (${iso}).`);
  return result;
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

// Creating a DateTimeFormat is costly; one instance serves every call.
const londonFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

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
