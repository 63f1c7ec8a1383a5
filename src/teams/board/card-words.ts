// What a case card says, shared by the React card (CaseCard, DueBadge) and the board's first paint before React has
// loaded (board-preview.ts), so the two cannot drift apart.
import type { CaseCardView } from "../../contracts/views.js";
import { dueWords, STAGE_LABELS, ukDate } from "../format.js";

/** The badge colour of a deadline: red once overdue, amber at two working days or fewer. */
export type DueColour = "danger" | "warning" | "informative";

export function dueColour(workingDaysLeft: number | null, overdue: boolean): DueColour {
  if (overdue || (workingDaysLeft ?? 0) < 0) return "danger";
  return (workingDaysLeft ?? 99) <= 2 ? "warning" : "informative";
}

/** On a card: "3 days left", "Due today", "2 days late". */
export function compactDueWords(daysLeft: number | null, overdue: boolean): string {
  if (daysLeft === null) return "";
  if (overdue && daysLeft >= 0) return "Overdue";
  if (daysLeft === 0) return "Due today";
  return daysLeft > 0
    ? `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`
    : `${-daysLeft} ${daysLeft === -1 ? "day" : "days"} late`;
}

/** In full, for screen readers and on hover: "3 working days left, due 25 November 2026". */
export function fullDueWords(workingDaysLeft: number | null, overdue: boolean, dueDate: string): string {
  return `${dueWords(workingDaysLeft, overdue)}, due ${ukDate(dueDate)}`;
}

/** A card's accessible name: reference, complainant, serious, category, handler. */
export function cardLabel(card: CaseCardView, handlerName: string | null): string {
  return [
    card.reference,
    card.complainantName,
    card.serious ? "serious" : null,
    card.category,
    handlerName ? `handled by ${handlerName}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The lines under the reference: complainant and subject, or (a card seen for its status only) what it is. */
export function cardLines(card: CaseCardView): { main: string | null; muted: string } {
  return card.view === "full"
    ? { main: card.complainantName ?? "Complainant not named", muted: card.subject ?? "" }
    : { main: null, muted: `${STAGE_LABELS[card.stage]} — you logged this complaint` };
}

/** What an empty column says, on the board and in its first paint. */
export const COLUMN_EMPTY: Record<CaseCardView["stage"], string> = {
  received: "Nothing waiting for triage.",
  triaged: "Nothing waiting for acknowledgement.",
  investigating: "Nothing under investigation.",
  "outcome-sent": "No outcomes awaiting the Board or an appeal.",
  appeal: "No appeals open.",
  "appeal-decided": "No appeal decisions to close.",
  closed: "No closed cases.",
};
