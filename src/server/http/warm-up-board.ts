import type { AppDeps } from "../app/deps.js";
import { BOARD_LIMIT } from "../app/list-case-cards.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import { presentBoardColumns } from "./board-columns-presenter.js";
import { encodeJson } from "./compressed-json.js";

/**
 * Builds the board (its top and every card) once at start and throws it away, so the first person to open the board
 * after a restart does not wait while the database reads the cases from disk into its cache and the server compiles
 * the board's code path (read, present, serialise, compress): at 10,000 cases that first board takes several times
 * as long as the next. Nothing leaves the process and nobody sees these cards, so no read is recorded.
 */
export async function warmUpBoard({ deps }: { deps: AppDeps }): Promise<void> {
  const today = londonDateTime(deps.clock.now()).date;
  // The top of the board first (its first paint), then every card.
  await deps.store.countCasesByStage();
  const cards = await deps.store.listCaseCards({ scope: { all: true }, today, limit: BOARD_LIMIT + 1 });
  const listing = { cards: cards.map((card) => ({ view: "full" as const, card })), today, truncated: false };
  await encodeJson(presentBoardColumns(listing, {}), "gzip");
}
