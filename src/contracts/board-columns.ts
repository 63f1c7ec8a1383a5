/**
 * GET /api/board — the board's cards as columns (one array per field) rather than one object per card.
 *
 * The same cards, fields and need-to-know as GET /api/cases/board, about half the bytes and far quicker to write
 * and parse: 10,000 cards as objects repeat every key 10,000 times, and the browser builds 10,000 objects before it
 * can paint one. Here each key appears once, stages, categories and people are small indexes into lists sent once,
 * and `overdue` is worked out from `today` exactly as the server would. `decodeBoardColumns` turns the columns
 * back into the card views the tab renders.
 */
import { STAGES } from "../server/domain/stages.js";
import type { CaseBoardResponse, CaseCardView } from "./views.js";

/** The order stage indexes refer to: the procedure's own order, as the board's columns. */
export const BOARD_STAGES = STAGES satisfies ReadonlyArray<CaseCardView["stage"]>;

/** No value (a status-only card, no handler yet, not triaged): an index of -1. */
export const NO_INDEX = -1;

export interface BoardColumns {
  id: string[];
  reference: string[];
  /** Index into BOARD_STAGES. */
  stage: number[];
  receivedAt: string[];
  currentDueDate: Array<string | null>;
  workingDaysLeft: Array<number | null>;
  /** 1: the full view (the caller may know the case's content); 0: status only. */
  full: Array<0 | 1>;
  subject: Array<string | null>;
  complainantName: Array<string | null>;
  /** Index into `categories`, or NO_INDEX. */
  category: number[];
  serious: Array<0 | 1>;
  /** Index into `personIds`, or NO_INDEX. */
  handler: number[];
  /** Index into `personIds`, or NO_INDEX. */
  boardMember: number[];
}

export interface BoardColumnsResponse {
  /** The London day the due figures are for: a card is overdue when its due date is before it. */
  today: string;
  /** How many cards (the length of every column). */
  count: number;
  /** True when more cases matched than one board holds; narrow the filters. */
  truncated: boolean;
  categories: string[];
  personIds: string[];
  /** Names of the handlers and board members on the cards. */
  people: Record<string, { name: string }>;
  columns: BoardColumns;
}

/** The card views the columns stand for, in order (newest first, as sent). */
export function decodeBoardColumns(board: BoardColumnsResponse): CaseBoardResponse {
  const c = board.columns;
  const cards: CaseCardView[] = new Array(board.count);
  const at = <T>(list: readonly T[], index: number | undefined): T | null =>
    index === undefined || index === NO_INDEX ? null : (list[index] ?? null);
  for (let i = 0; i < board.count; i++) {
    const due = c.currentDueDate[i] ?? null;
    cards[i] = {
      id: c.id[i] ?? "",
      reference: c.reference[i] ?? "",
      stage: BOARD_STAGES[c.stage[i] ?? 0] ?? "received",
      receivedAt: c.receivedAt[i] ?? "",
      currentDueDate: due,
      workingDaysLeft: c.workingDaysLeft[i] ?? null,
      overdue: due !== null && due < board.today,
      view: c.full[i] === 1 ? "full" : "status",
      subject: c.subject[i] ?? null,
      complainantName: c.complainantName[i] ?? null,
      category: at(board.categories, c.category[i]),
      serious: c.serious[i] === 1,
      handlerId: at(board.personIds, c.handler[i]),
      boardMemberId: at(board.personIds, c.boardMember[i]),
    };
  }
  return { cards, people: board.people, truncated: board.truncated };
}

/**
 * GET /api/board/head — the top of the board, for its first paint: the newest few cards of each column (as columns,
 * above) with every column's count, while the full board (GET /api/board) is on its way.
 */
export interface BoardHeadResponse extends BoardColumnsResponse {
  /** How many cards the full board holds. */
  total: number;
  /** How many cards each column holds, in BOARD_STAGES order. */
  stageCounts: number[];
}

export interface BoardHead {
  board: CaseBoardResponse;
  total: number;
  stageCounts: Record<CaseCardView["stage"], number>;
}

export function decodeBoardHead(head: BoardHeadResponse): BoardHead {
  const stageCounts = Object.fromEntries(BOARD_STAGES.map((stage, i) => [stage, head.stageCounts[i] ?? 0])) as Record<
    CaseCardView["stage"],
    number
  >;
  return { board: decodeBoardColumns(head), total: head.total, stageCounts };
}
