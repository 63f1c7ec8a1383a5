import { type CaseView, viewOf } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { Actor } from "../domain/roles.js";
import type { CaseCard } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";
import { type CaseFilterInput, storeFilter } from "./list-cases.js";

/** A board holds at most this many cards; beyond it the caller narrows the filters. */
export const BOARD_LIMIT = 20_000;
/**
 * Reads are recorded in batches: few enough statements that a board of 10,000 costs two commits, small enough to
 * stay under SQLite's and PostgreSQL's limits on parameters per statement (5 per read).
 */
const READ_BATCH = 5000;

export interface ListCaseCardsOptions {
  deps: AppDeps;
  actor: Actor;
  filter: CaseFilterInput;
}

export interface CaseCardListing {
  cards: Array<{ view: Exclude<CaseView, "none">; card: CaseCard }>;
  today: string;
  truncated: boolean;
}

/**
 * Every card the caller may see on the board, newest first. Each is authorised per case (need to know) and the read
 * recorded, as for any listing.
 */
export async function listCaseCards({ deps, actor, filter }: ListCaseCardsOptions): Promise<CaseCardListing> {
  const now = deps.clock.now();
  const today = londonDateTime(now).date;
  const rows = await deps.store.listCaseCards(storeFilter(actor, filter, today, BOARD_LIMIT + 1));
  const truncated = rows.length > BOARD_LIMIT;
  const cards = rows
    .slice(0, BOARD_LIMIT)
    .map((card) => ({
      view: viewOf(actor, card),
      card,
    }))
    .filter((v): v is CaseCardListing["cards"][number] => v.view !== "none");
  const at = now.toISOString();
  for (let i = 0; i < cards.length; i += READ_BATCH) {
    await deps.store.recordReads(
      cards.slice(i, i + READ_BATCH).map((v) => ({ caseId: v.card.id, actorId: actor.id, at, via: "board" })),
    );
  }
  return { cards, today, truncated };
}
