/** Dates and sizes the UK way (DESIGN.md §1): 25 November 2026, 14:30, Europe/London. */

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "short",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "Tue 24 November 2026, 10:15" in London time. */
export function formatReceived(iso: string | null): string {
  if (!iso) return "Not known";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Not known";
  const part = Object.fromEntries(DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/** A plain date "2026-12-09" as "Wednesday 9 December 2026" (no time zone can shift it: it is read at noon UTC). */
export function formatDueDate(plainDate: string | null | undefined): string {
  if (!plainDate) return "Not set";
  const date = new Date(`${plainDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return plainDate;
  const part = Object.fromEntries(DATE.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The stage in plain words, with who acts next. */
export const STAGE_LABELS: Record<string, string> = {
  received: "Received — the Operations Director decides who handles it",
  triaged: "Triaged — the handler acknowledges it",
  investigating: "Being investigated",
  "outcome-sent": "Outcome sent",
  appeal: "Under appeal",
  "appeal-decided": "Appeal decided",
  closed: "Closed",
};

export const stageLabel = (stage: string): string => STAGE_LABELS[stage] ?? stage;
