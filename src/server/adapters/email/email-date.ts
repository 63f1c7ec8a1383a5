/**
 * RFC 5322 date-times, read strictly. `new Date(text)` is far too forgiving for a date that starts a statutory
 * clock: it turns "1" into 1 January 2001 and "31 Feb" into 2 March. A date we cannot read exactly is no date.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
/** Offsets in minutes of the zone names RFC 5322 still accepts (obs-zone). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
const DATE_TIME =
  /^(?:[a-z]{3,9}\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,4})$/i;

const stripComments = (text: string): string => {
  let out = text;
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(/\([^()]*\)/g, " ");
  }
  return out.replace(/\s+/g, " ").trim();
};

const monthIndex = (word: string): number => {
  const lower = word.toLowerCase();
  const index = MONTHS.indexOf(lower.slice(0, 3));
  return index >= 0 && MONTH_NAMES[index]?.startsWith(lower) ? index : -1;
};

const zoneOffset = (zone: string): number | null => {
  if (/^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (hours > 23 || minutes > 59) return null;
    return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const lower = zone.toLowerCase();
  // Military letters were used inconsistently; RFC 5322 says to read them as UTC.
  if (/^[a-ik-z]$/.test(lower)) return 0;
  return ZONES[lower] ?? null;
};

/** The instant an RFC 5322 date-time names (comments and the obsolete forms tolerated), or null. */
export function parseEmailDate(text: string | undefined | null): Date | null {
  if (!text) return null;
  const match = DATE_TIME.exec(stripComments(text));
  if (!match) return null;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zoneText] = match;
  const month = monthIndex(monthText ?? "");
  const offset = zoneOffset(zoneText ?? "");
  if (month < 0 || offset === null) return null;
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others (and three-digit years) count from 1900.
  if ((yearText ?? "").length === 2) year += year < 50 ? 2000 : 1900;
  else if ((yearText ?? "").length === 3) year += 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Math.min(Number(secondText ?? "0"), 59); // a leap second reads as :59
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (year < 1900 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || Number(secondText ?? 0) > 60) {
    return null;
  }
  return new Date(Date.UTC(year, month, day, hour, minute, second) - offset * 60_000);
}

/** The date a Received header ends with, after its last ';' (RFC 5321 time stamp line), or null. */
export function receivedDate(value: string | undefined): Date | null {
  if (!value) return null;
  const semicolon = value.lastIndexOf(";");
  return semicolon < 0 ? null : parseEmailDate(value.slice(semicolon + 1));
}
