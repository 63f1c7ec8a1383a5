import { viewOf } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import { type Actor, hasRole } from "../domain/roles.js";
import { STAGES, type Stage } from "../domain/stages.js";
import type { AppDeps } from "./deps.js";
import { authorisedCaseCards, BOARD_LIMIT, type CaseCardListing, recordBoardRead } from "./list-case-cards.js";
import { storeFilter } from "./list-cases.js";

/** Enough cards to fill a column on a tall screen; the rest of the board follows in the full listing. */
export const HEAD_CARDS_PER_STAGE = 12;

export interface ListBoardHeadOptions {
  deps: AppDeps;
  actor: Actor;
}

export interface BoardHeadListing extends CaseCardListing {
  /** Every card the caller's full board holds, and how many in each stage (the column counts). */
  total: number;
  stageCounts: Partial<Record<Stage, number>>;
}

/**
 * The top of the caller's board: how many cards each column holds and the newest few of each, so the tab paints
 * its board before the full listing (every card, for the filters) has been read and sent. Each card is authorised
 * per case and only the cards sent are recorded as read.
 *
 * Those who see every case get their counts from the stage index and their few cards per stage from it too: no
 * reading 10,000 rows. Everyone else (a handler, a board member, staff: their own cases, a few dozen) and a board
 * beyond one board's limit are worked out from their full listing, so the counts are exactly those of the cards
 * their board will show.
 */
export async function listBoardHead({ deps, actor }: ListBoardHeadOptions): Promise<BoardHeadListing> {
  const now = deps.clock.now();
  const today = londonDateTime(now).date;
  const seesAll = hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Triage");
  let head: BoardHeadListing | null = null;
  if (seesAll) {
    const stageCounts = await deps.store.countCasesByStage();
    const total = Object.values(stageCounts).reduce((sum, n) => sum + n, 0);
    if (total <= BOARD_LIMIT) {
      const perStage = await Promise.all(
        STAGES.filter((stage) => (stageCounts[stage] ?? 0) > 0).map((stage) =>
          deps.store.listCaseCards(storeFilter(actor, { stage }, today, HEAD_CARDS_PER_STAGE)),
        ),
      );
      const cards = perStage
        .flat()
        .map((card) => ({ view: viewOf(actor, card), card }))
        .filter((v): v is CaseCardListing["cards"][number] => v.view !== "none");
      head = { cards, today, truncated: false, total, stageCounts };
    }
  }
  if (!head) {
    const full = await authorisedCaseCards({ deps, actor, filter: {}, now });
    const stageCounts: Partial<Record<Stage, number>> = {};
    const cards: CaseCardListing["cards"] = [];
    for (const v of full.cards) {
      const n = (stageCounts[v.card.stage] ?? 0) + 1;
      stageCounts[v.card.stage] = n;
      if (n <= HEAD_CARDS_PER_STAGE) cards.push(v);
    }
    head = { cards, today, truncated: full.truncated, total: full.cards.length, stageCounts };
  }
  await recordBoardRead({ deps, actor, now, cards: head.cards });
  return head;
}
