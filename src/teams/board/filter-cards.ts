/** The board's filters, search and sorting, done in the browser on the loaded cards: each answers in milliseconds. */
import type { CaseCardView } from "../../contracts/views.js";

export interface BoardFilters {
  q: string;
  stage: CaseCardView["stage"] | "";
  handlerId: string;
  category: string;
  overdue: boolean;
  serious: boolean;
  /** "YYYY-MM-DD" or "". */
  receivedFrom: string;
  receivedTo: string;
  mine: boolean;
}

export const NO_FILTERS: BoardFilters = {
  q: "",
  stage: "",
  handlerId: "",
  category: "",
  overdue: false,
  serious: false,
  receivedFrom: "",
  receivedTo: "",
  mine: false,
};

export type SortKey = "received" | "due" | "reference" | "complainant" | "stage";
export interface Sort {
  key: SortKey;
  direction: "ascending" | "descending";
}

const STAGE_ORDER: Record<CaseCardView["stage"], number> = {
  received: 0,
  triaged: 1,
  investigating: 2,
  "outcome-sent": 3,
  appeal: 4,
  "appeal-decided": 5,
  closed: 6,
};

/** The London day of an instant, for the date range (cards carry instants). */
let londonDay: Intl.DateTimeFormat | undefined; // made on first use (see format.ts)
const dayCache = new Map<string, string>();
function receivedDay(card: CaseCardView): string {
  let day = dayCache.get(card.receivedAt);
  if (day === undefined) {
    londonDay ??= new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
    day = londonDay.format(new Date(card.receivedAt));
    dayCache.set(card.receivedAt, day);
  }
  return day;
}

/** Lower-cased text a search matches: reference, subject, complainant, category. */
const searchText = new WeakMap<CaseCardView, string>();
function textOf(card: CaseCardView): string {
  let text = searchText.get(card);
  if (text === undefined) {
    text = [card.reference, card.subject, card.complainantName, card.category].filter(Boolean).join(" ").toLowerCase();
    searchText.set(card, text);
  }
  return text;
}

/**
 * Works out every card's search text ahead of the first search (in idle time once the board is loaded), so the first
 * letter typed does not pay for 10,000 of them at once.
 */
export function prepareSearch(cards: readonly CaseCardView[]): void {
  for (const card of cards) textOf(card);
}

export function filterCards(cards: readonly CaseCardView[], f: BoardFilters, meId: string | null): CaseCardView[] {
  const needle = f.q.trim().toLowerCase();
  return cards.filter((card) => {
    if (f.stage && card.stage !== f.stage) return false;
    if (f.handlerId && card.handlerId !== f.handlerId) return false;
    if (f.category && card.category !== f.category) return false;
    if (f.overdue && !card.overdue) return false;
    if (f.serious && !card.serious) return false;
    if (f.mine && meId && card.handlerId !== meId && card.boardMemberId !== meId) return false;
    if (f.receivedFrom && receivedDay(card) < f.receivedFrom) return false;
    if (f.receivedTo && receivedDay(card) > f.receivedTo) return false;
    if (needle && !textOf(card).includes(needle)) return false;
    return true;
  });
}

export function sortCards(cards: CaseCardView[], sort: Sort): CaseCardView[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const value = (c: CaseCardView): string | number => {
    switch (sort.key) {
      case "received":
        return c.receivedAt;
      case "due":
        // Cases with no running deadline sort after every dated one.
        return c.currentDueDate ?? "9999-12-31";
      case "reference":
        return c.reference;
      case "complainant":
        return (c.complainantName ?? "").toLowerCase();
      case "stage":
        return STAGE_ORDER[c.stage];
    }
  };
  return [...cards].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return a.reference < b.reference ? 1 : -1;
  });
}

export const activeFilterCount = (f: BoardFilters): number =>
  (Object.keys(NO_FILTERS) as Array<keyof BoardFilters>).filter(
    (k) => k !== "q" && k !== "mine" && f[k] !== NO_FILTERS[k],
  ).length;
