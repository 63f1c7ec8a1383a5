/**
 * GET /api/board — the Teams tab's board: every card the caller may see, as columns (src/contracts/board-columns.ts),
 * compressed. The same listing, need-to-know and audit record as GET /api/cases/board (which stays for other
 * clients); only the encoding differs, because at 10,000 cards the encoding is most of the board's load time.
 */
import type { FastifyInstance } from "fastify";
import { ZCaseBoardQuery } from "../../../contracts/api.js";
import { ZBoardHeadQuery } from "../../../contracts/board-columns-schema.js";
import { listBoardHead } from "../../app/list-board-head.js";
import { type CaseCardListing, listCaseCards } from "../../app/list-case-cards.js";
import { authenticate } from "../auth.js";
import { presentBoardColumns, presentBoardHead } from "../board-columns-presenter.js";
import { sendCompressedJson } from "../compressed-json.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { validate } from "../validate.js";
import { caseFilterFrom } from "./cases.js";

export function registerBoardRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/api/board", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZCaseBoardQuery, request.query);
    // Authorised per case and recorded as one listing read, inside the use case.
    const listing = await listCaseCards({ deps: ctx.deps, actor, filter: caseFilterFrom(query) });
    const people = await peopleNamed(ctx.deps.directory, peopleOn(listing));
    return sendCompressedJson(request, reply, presentBoardColumns(listing, people));
  });

  /** GET /api/board/head — the newest cards of each column and every column's count: the board's first paint. */
  app.get("/api/board/head", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    validate(ZBoardHeadQuery, request.query);
    const head = await listBoardHead({ deps: ctx.deps, actor });
    const people = await peopleNamed(ctx.deps.directory, peopleOn(head));
    return sendCompressedJson(request, reply, presentBoardHead(head, people));
  });
}

/** The handlers and board members named on the cards the caller sees in full (status cards name nobody). */
function peopleOn(listing: CaseCardListing): Set<string> {
  const ids = new Set<string>();
  for (const { view, card } of listing.cards) {
    if (view !== "full") continue;
    if (card.handlerId) ids.add(card.handlerId);
    if (card.boardMemberId) ids.add(card.boardMemberId);
  }
  return ids;
}
