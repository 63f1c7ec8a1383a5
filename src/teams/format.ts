/** Dates and words the UK way (DESIGN.md §1): "25 November 2026", times in Europe/London. */
import type { CaseFullView } from "../contracts/views.js";
import { formatUkLong, isValidPlainDate } from "../server/domain/calendar/plain-date.js";

// Formatters are made on first use: a page's first Intl formatter costs ~50 ms (the browser loads its locale and time
// zone data), which the board's first paint does not need (its dates are plain dates, spelled out below).
let longDate: Intl.DateTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;
let shortDate: Intl.DateTimeFormat | undefined;

/** "2026-11-25" → "25 November 2026" (a plain date, no time zone shift). */
export function ukDate(plain: string | null | undefined): string {
  if (!plain) return "—";
  // A calendar date has no time zone: it is spelled out as it is ("2026-11-25" → "25 November 2026"), as letters do.
  const date = plain.slice(0, 10);
  return isValidPlainDate(date) ? formatUkLong(date) : plain;
}

/** An instant → "25 November 2026, 14:30" in London. */
export function ukDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  dateTime ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
  return dateTime.format(new Date(iso));
}

/** An instant or plain date → "25 Nov". */
export function ukShortDate(value: string): string {
  shortDate ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "Europe/London" });
  return shortDate.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
}

/** Today in London, "YYYY-MM-DD". */
export function londonToday(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  return parts.slice(0, 10);
}

export const STAGE_LABELS: Record<CaseFullView["stage"], string> = {
  received: "Received",
  triaged: "Triaged",
  investigating: "Investigating",
  "outcome-sent": "Outcome sent",
  appeal: "Appeal",
  "appeal-decided": "Appeal decided",
  closed: "Closed",
};

export const STAGES = Object.keys(STAGE_LABELS) as Array<CaseFullView["stage"]>;

export const RESULT_LABELS = {
  upheld: "Upheld",
  "partly-upheld": "Partly upheld",
  "not-upheld": "Not upheld",
} as const;

export const RELATIONSHIP_LABELS = {
  learner: "Learner",
  employer: "Employer",
  "parent-or-guardian": "Parent or guardian",
  "awarding-body": "Awarding body",
  other: "Other",
  unknown: "Not known yet",
} as const;

/** Who a role is, in the words people use. */
export const ROLE_WORDS: Record<string, string> = {
  "Complaints.Triage": "the Operations Director",
  "Complaints.Handle": "the handler",
  "Complaints.Direct": "a director",
  "Complaints.Board": "a board member",
  "Complaints.Admin": "an administrator",
  "Complaints.Log": "the person who logged it",
};

/** What each closing guard means (the API names them; DESIGN.md §2). */
export const GUARD_WORDS: Record<string, string> = {
  "outcome-sent-in-writing": "The outcome has not been sent in writing.",
  "board-informed-of-final-outcome": "The Board has not been informed of the final outcome.",
  "discussed-at-operations-meeting": "The case has not been discussed at an Operations Meeting.",
  "appeal-window-passed-or-appeal-decided": "The appeal window has not passed and no appeal has been decided.",
  "serious-complaint-minuted": "This serious complaint is not yet recorded in full in meeting minutes.",
};

/** "3 working days left", "Due today", "2 working days overdue". */
export function dueWords(daysLeft: number | null, overdue = false): string {
  if (daysLeft === null) return "No deadline running";
  if (overdue && daysLeft >= 0) return "Overdue";
  if (daysLeft === 0) return "Due today";
  if (daysLeft > 0) return `${daysLeft} working ${daysLeft === 1 ? "day" : "days"} left`;
  const late = -daysLeft;
  return `${late} working ${late === 1 ? "day" : "days"} overdue`;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

/** The London day of an instant, the UK way: "25 November 2026". */
export function ukDayOf(iso: string): string {
  longDate ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
  return longDate.format(new Date(iso));
}
