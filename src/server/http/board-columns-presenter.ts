import {
  BOARD_STAGES,
  type BoardColumnsResponse,
  type BoardHeadResponse,
  NO_INDEX,
} from "../../contracts/board-columns.js";
import type { BoardHeadListing } from "../app/list-board-head.js";
import type { CaseCardListing } from "../app/list-case-cards.js";
import { presentCard, workingDaysLeftMemo } from "./presenters.js";

const STAGE_INDEX = new Map<string, number>(BOARD_STAGES.map((stage, i) => [stage, i]));

/** Each distinct value once, by first appearance; the columns hold its index. */
class Dictionary {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(value: string | null): number {
    if (value === null) return NO_INDEX;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}

/**
 * The board's cards as columns (see src/contracts/board-columns.ts). Each card goes through `presentCard`, the one
 * place that decides what a status-only viewer may see, so the two board routes cannot drift apart on need-to-know.
 */
export function presentBoardColumns(
  listing: CaseCardListing,
  people: Record<string, { name: string }>,
): BoardColumnsResponse {
  const daysLeft = workingDaysLeftMemo(listing.today);
  const categories = new Dictionary();
  const personIds = new Dictionary();
  const n = listing.cards.length;
  const columns: BoardColumnsResponse["columns"] = {
    id: new Array(n),
    reference: new Array(n),
    stage: new Array(n),
    receivedAt: new Array(n),
    currentDueDate: new Array(n),
    workingDaysLeft: new Array(n),
    full: new Array(n),
    subject: new Array(n),
    complainantName: new Array(n),
    category: new Array(n),
    serious: new Array(n),
    handler: new Array(n),
    boardMember: new Array(n),
  };
  listing.cards.forEach(({ view, card }, i) => {
    const v = presentCard(view, card, listing.today, daysLeft);
    columns.id[i] = v.id;
    columns.reference[i] = v.reference;
    columns.stage[i] = STAGE_INDEX.get(v.stage) ?? 0;
    columns.receivedAt[i] = v.receivedAt;
    columns.currentDueDate[i] = v.currentDueDate;
    columns.workingDaysLeft[i] = v.workingDaysLeft;
    columns.full[i] = v.view === "full" ? 1 : 0;
    columns.subject[i] = v.subject;
    columns.complainantName[i] = v.complainantName;
    columns.category[i] = categories.indexOf(v.category);
    columns.serious[i] = v.serious ? 1 : 0;
    columns.handler[i] = personIds.indexOf(v.handlerId);
    columns.boardMember[i] = personIds.indexOf(v.boardMemberId);
  });
  return {
    today: listing.today,
    count: n,
    truncated: listing.truncated,
    categories: categories.values,
    personIds: personIds.values,
    people,
    columns,
  };
}

/** The top of the board: its first cards as columns, with the full board's total and column counts. */
export function presentBoardHead(head: BoardHeadListing, people: Record<string, { name: string }>): BoardHeadResponse {
  return {
    ...presentBoardColumns(head, people),
    total: head.total,
    stageCounts: BOARD_STAGES.map((stage) => head.stageCounts[stage] ?? 0),
  };
}
