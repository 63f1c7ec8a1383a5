import { type CaseView, viewOf } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { Actor } from "../domain/roles.js";
import type { CaseCard } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";
import { type CaseFilterInput, storeFilter } from "./list-cases.js";

/** A board holds at most this many cards; beyond it the caller narrows the filters. */
export const BOARD_LIMIT = 20_000;

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
  // One record for the whole board (who, when, and the runs of references it showed), not one row per card.
  await deps.store.recordListingRead({
    actorId: actor.id,
    at: now.toISOString(),
    via: "board",
    references: cards.map((v) => v.card.reference),
  });
  return { cards, today, truncated };
}
