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
  const listing = await authorisedCaseCards({ deps, actor, filter, now });
  await recordBoardRead({ deps, actor, now, cards: listing.cards });
  return listing;
}

/** The cards the caller may see, each authorised per case; the caller records what it shows (recordBoardRead). */
export async function authorisedCaseCards({
  deps,
  actor,
  filter,
  now,
}: ListCaseCardsOptions & { now: Date }): Promise<CaseCardListing> {
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
  return { cards, today, truncated };
}

/** One record for a whole board (who, when, and the runs of references it showed), not one row per card. */
export async function recordBoardRead(options: {
  deps: AppDeps;
  actor: Actor;
  now: Date;
  cards: CaseCardListing["cards"];
}): Promise<void> {
  await options.deps.store.recordListingRead({
    actorId: options.actor.id,
    at: options.now.toISOString(),
    via: "board",
    references: options.cards.map((v) => v.card.reference),
  });
}
