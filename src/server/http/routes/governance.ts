/**
 * Governance (policy 2.1 and the aims): Operations Meetings and their packs and agendas, improvement actions, the
 * Reports view's figures and CSV, and the annual report for the Board. Each handler: authenticate → validate →
 * use case (which authorises) → presenter.
 */
import type { FastifyInstance } from "fastify";
import {
  ZAnnualReportRequest,
  ZCompleteImprovementActionRequest,
  ZCreateImprovementActionRequest,
  ZCreateMeetingRequest,
  ZDashboardQuery,
} from "../../../contracts/api.js";
import type { DashboardResponse, MeetingPackResponse } from "../../../contracts/governance-views.js";
import { addImprovementAction } from "../../app/add-improvement-action.js";
import { buildDashboard } from "../../app/build-dashboard.js";
import { buildMeetingPack } from "../../app/build-meeting-pack.js";
import { completeImprovementAction } from "../../app/complete-improvement-action.js";
import { createMeeting, londonToday } from "../../app/create-meeting.js";
import { exportAnnualReport } from "../../app/export-annual-report.js";
import { exportMeetingAgenda } from "../../app/export-meeting-agenda.js";
import { assertMayGovern } from "../../app/governance-guard.js";
import { listImprovementActions } from "../../app/list-improvement-actions.js";
import { listMeetings } from "../../app/list-meetings.js";
import { readGovernanceDocument } from "../../app/read-governance-document.js";
import { dashboardCsv } from "../../domain/governance/dashboard-csv.js";
import type { ImprovementActionRecord } from "../../ports/governance-store.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { presentGovernanceDocument, presentImprovementAction, presentMeeting } from "../governance-presenters.js";
import { peopleNamed } from "../people.js";
import { jsonBody, validate } from "../validate.js";

export function registerGovernanceRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { deps } = ctx;
  const presentActions = async (actions: readonly ImprovementActionRecord[]) => {
    const names = await peopleNamed(
      deps.directory,
      actions.map((a) => a.ownerId),
    );
    const today = londonToday(deps);
    return actions.map((a) => presentImprovementAction(a, names, today));
  };

  /** GET /api/meetings — recorded Operations Meetings, newest first, with their agendas. */
  app.get("/api/meetings", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const meetings = await listMeetings({ deps, actor });
    return { meetings: meetings.map((m) => presentMeeting(m.meeting, m.documents)) };
  });

  /** POST /api/meetings — record an Operations Meeting (one per date). */
  app.post("/api/meetings", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const body = jsonBody(request, ZCreateMeetingRequest);
    const meeting = await createMeeting({ deps, actor, input: body });
    return reply.status(201).send({ meeting: presentMeeting(meeting) });
  });

  /** GET /api/meetings/pack?meetingId= — what the meeting must discuss; without meetingId, the next meeting. */
  app.get<{ Querystring: { meetingId?: string } }>("/api/meetings/pack", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const meetingId = typeof request.query.meetingId === "string" ? request.query.meetingId : undefined;
    const result = await buildMeetingPack({ deps, actor, meetingId: meetingId || undefined });
    const p = result.pack;
    const handlerIds = [p.outcomes, p.serious, p.overdue, p.appeals, p.awaitingDiscussion, p.discussed]
      .flat()
      .flatMap((c) => (c.handlerId ? [c.handlerId] : []));
    const body: MeetingPackResponse = {
      pack: p,
      meeting: result.meeting ? presentMeeting(result.meeting) : null,
      people: await peopleNamed(deps.directory, handlerIds),
      improvementActions: await presentActions(result.openImprovementActions),
    };
    return body;
  });

  /** POST /api/meetings/:id/agenda — the complaints agenda (.docx), filed to Directors/Complaints/Meetings/<date>/. */
  app.post<{ Params: { id: string } }>("/api/meetings/:id/agenda", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const document = await exportMeetingAgenda({ deps, actor, meetingId: request.params.id });
    return reply.status(201).send({ document: presentGovernanceDocument(document) });
  });

  /** GET /api/governance-documents/:id/content — an agenda or report, always as a download. */
  app.get<{ Params: { id: string } }>("/api/governance-documents/:id/content", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const { document, content } = await readGovernanceDocument({ deps, actor, documentId: request.params.id });
    return reply
      .header("content-type", document.contentType)
      .header("content-length", String(document.size))
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(content);
  });

  /** GET /api/improvement-actions — all (directors, Operations Director) or the caller's own. */
  app.get("/api/improvement-actions", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    return { improvementActions: await presentActions(await listImprovementActions({ deps, actor })) };
  });

  /** POST /api/improvement-actions — an improvement with owner and due date, from a case or a meeting. */
  app.post("/api/improvement-actions", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const body = jsonBody(request, ZCreateImprovementActionRequest);
    const action = await addImprovementAction({ deps, actor, input: body });
    const [view] = await presentActions([action]);
    return reply.status(201).send({ improvementAction: view });
  });

  /** POST /api/improvement-actions/:id/complete — done, with an optional note. */
  app.post<{ Params: { id: string } }>("/api/improvement-actions/:id/complete", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const body = jsonBody(request, ZCompleteImprovementActionRequest);
    const action = await completeImprovementAction({ deps, actor, actionId: request.params.id, note: body.note });
    const [view] = await presentActions([action]);
    return { improvementAction: view };
  });

  /** GET /api/reports/dashboard?from=&to= — the Reports view's figures (aggregates only). */
  app.get("/api/reports/dashboard", async (request): Promise<DashboardResponse> => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZDashboardQuery, request.query);
    return { figures: await buildDashboard({ deps, actor, from: query.from, to: query.to }) };
  });

  /** GET /api/reports/dashboard.csv?from=&to= — the same figures as CSV. */
  app.get("/api/reports/dashboard.csv", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZDashboardQuery, request.query);
    const figures = await buildDashboard({ deps, actor, from: query.from, to: query.to });
    const name = `complaints-figures-${figures.period.from ?? "all"}-to-${figures.period.to}.csv`;
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}"`)
      .header("cache-control", "private, no-store")
      .send(dashboardCsv(figures));
  });

  /** POST /api/reports/annual — the annual complaints report (.docx) for the Board, filed to Directors/Complaints/Reports/. */
  app.post("/api/reports/annual", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const body = jsonBody(request, ZAnnualReportRequest);
    const document = await exportAnnualReport({ deps, actor, from: body.from, to: body.to });
    return reply.status(201).send({ document: presentGovernanceDocument(document) });
  });

  /** GET /api/reports/documents — annual reports made so far, newest first. */
  app.get("/api/reports/documents", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    assertMayGovern(actor);
    const documents = await deps.store.listGovernanceDocuments({ kind: "annual-report" });
    return { documents: documents.map(presentGovernanceDocument) };
  });
}
