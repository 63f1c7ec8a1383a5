import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { type ZCaseBoardQuery, ZCaseListQuery, ZCreateCaseRequest } from "../../../contracts/api.js";
import { getCase } from "../../app/get-case.js";
import { listCases } from "../../app/list-cases.js";
import { logComplaint } from "../../app/log-complaint.js";
import { availableActions, caseView } from "../../domain/access.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { presentCase, presentDocument, presentTimelineEntry } from "../presenters.js";
import { jsonBody, validate } from "../validate.js";

export function registerCaseRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** GET /api/cases — the cases the caller may see, newest first, in pages. */
  app.get("/api/cases", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZCaseListQuery, request.query);
    const listing = await listCases({
      deps: ctx.deps,
      actor,
      filter: {
        ...caseFilterFrom(query),
        cursor: query.cursor,
        limit: query.limit,
      },
    });
    const now = ctx.deps.clock.now();
    return { cases: listing.cases.map((v) => presentCase(v.view, v.case, now)), nextCursor: listing.nextCursor };
  });

  /** POST /api/cases — a complaint in writing (a letter typed in), or from the web form. */
  app.post("/api/cases", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const body = jsonBody(request, ZCreateCaseRequest);
    const created = await logComplaint({
      deps: ctx.deps,
      actor,
      input: {
        channel: body.channel,
        subject: body.subject,
        summary: body.summary ?? null,
        complainant: {
          name: body.complainant.name,
          email: body.complainant.email ?? null,
          relationship: body.complainant.relationship,
        },
        receivedAt: body.receivedAt ? new Date(body.receivedAt) : undefined,
      },
    });
    return reply
      .status(201)
      .header("location", `/api/cases/${created.id}`)
      .send({
        case: presentCase(caseView(actor, created) === "full" ? "full" : "status", created, ctx.deps.clock.now()),
      });
  });

  /** GET /api/cases/:id — one case with its documents and history, as far as the caller may see it. */
  app.get<{ Params: { id: string } }>("/api/cases/:id", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const detail = await getCase({ deps: ctx.deps, actor, caseId: request.params.id });
    const presented = presentCase(detail.view, detail.case, ctx.deps.clock.now());
    if (detail.view === "status") return { case: presented };
    const c = detail.case;
    const ids = [
      c.loggedBy,
      c.triage?.handlerId,
      c.appeal?.boardMemberId,
      ...c.actions.map((a) => a.ownerId),
      ...c.consultations.map((r) => r.directorId),
      ...detail.timeline.map((t) => t.actorId),
    ].filter((id): id is string => typeof id === "string");
    return {
      case: {
        ...presented,
        availableActions: availableActions(actor, c),
        documents: detail.documents.map(presentDocument),
        timeline: detail.timeline.map(presentTimelineEntry),
        people: await peopleNamed(ctx.deps.directory, ids),
      },
    };
  });
}

/** The listing filters both the paged list and the board take, from their validated query strings. */
export function caseFilterFrom(query: z.infer<typeof ZCaseBoardQuery>) {
  return {
    stage: query.stage,
    handlerId: query.handler,
    q: query.q,
    overdue: query.overdue === "true",
    serious: query.serious === undefined ? undefined : query.serious === "true",
    category: query.category,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo,
    mine: query.mine === "true",
  };
}
