import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  ZAcknowledgeRequest,
  ZAddActionRequest,
  ZAppealDecisionRequest,
  ZAppealRequest,
  ZBoardInformedRequest,
  ZCloseRequest,
  ZCompleteActionRequest,
  ZDirectorConsultedRequest,
  ZMeetingRequest,
  ZOutcomeRequest,
  ZRedirectRequest,
  ZSignpostRequest,
  ZTriageRequest,
  ZWithdrawRequest,
} from "../../../contracts/api.js";
import { acknowledgeCase } from "../../app/acknowledge-case.js";
import { addCaseAction } from "../../app/add-case-action.js";
import { assertMayEverTake } from "../../app/change-case.js";
import { closeCase } from "../../app/close-case.js";
import { completeCaseAction } from "../../app/complete-case-action.js";
import { decideAppeal } from "../../app/decide-appeal.js";
import type { AppDeps } from "../../app/deps.js";
import { recordAppeal } from "../../app/record-appeal.js";
import { recordBoardInformed } from "../../app/record-board-informed.js";
import { recordDirectorConsulted } from "../../app/record-director-consulted.js";
import { recordMeeting } from "../../app/record-meeting.js";
import { recordOutcome } from "../../app/record-outcome.js";
import { redirectCase } from "../../app/redirect-case.js";
import { signpostCase } from "../../app/signpost-case.js";
import { triageCase } from "../../app/triage-case.js";
import { withdrawCase } from "../../app/withdraw-case.js";
import { caseView } from "../../domain/access.js";
import type { ComplaintCase } from "../../domain/case.js";
import type { CaseAction } from "../../domain/procedure/transition.js";
import type { Actor } from "../../domain/roles.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { presentCase } from "../presenters.js";
import { jsonBody } from "../validate.js";

const when = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

type Run<S extends z.ZodType> = (options: {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  body: z.infer<S>;
  params: Record<string, string>;
}) => Promise<ComplaintCase>;

export interface TransitionRoute<S extends z.ZodType = z.ZodType> {
  /** Path after `/api/cases/{id}/`. */
  path: string;
  /** The procedure action, for the role check made before the body is read. */
  action: CaseAction;
  summary: string;
  body: S;
  run: Run<S>;
}

const route = <S extends z.ZodType>(r: TransitionRoute<S>): TransitionRoute => r as unknown as TransitionRoute;

/** Every step of the procedure (DESIGN.md §4). The OpenAPI description is built from this same table. */
export const TRANSITION_ROUTES: readonly TransitionRoute[] = [
  route({
    path: "triage",
    action: "triage",
    summary: "Operations Director: decide nature, seriousness and handler (policy 1.2).",
    body: ZTriageRequest,
    run: ({ deps, actor, caseId, body }) => triageCase({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "redirect",
    action: "redirect",
    summary: "Operations Director: close as not a complaint or as a staff grievance, with the reason.",
    body: ZRedirectRequest,
    run: ({ deps, actor, caseId, body }) => redirectCase({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "acknowledge",
    action: "acknowledge",
    summary: "Handler: the complainant was told it will be investigated and answered within 10 working days.",
    body: ZAcknowledgeRequest,
    run: ({ deps, actor, caseId, body }) =>
      acknowledgeCase({ deps, actor, caseId, input: { method: body.method, sentAt: when(body.sentAt) } }),
  }),
  route({
    path: "actions",
    action: "add-action",
    summary: "Record an agreed future action with its owner and due date (policy 1.3).",
    body: ZAddActionRequest,
    run: ({ deps, actor, caseId, body }) => addCaseAction({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "actions/:actionId/complete",
    action: "complete-action",
    summary: "Mark an agreed action as done.",
    body: ZCompleteActionRequest,
    run: ({ deps, actor, caseId, body, params }) =>
      completeCaseAction({ deps, actor, caseId, actionId: params.actionId ?? "", note: body.note }),
  }),
  route({
    path: "outcome",
    action: "outcome",
    summary: "Handler: the final outcome sent in writing (policy 1.3); starts the appeal window.",
    body: ZOutcomeRequest,
    run: ({ deps, actor, caseId, body }) =>
      recordOutcome({ deps, actor, caseId, input: { ...body, sentAt: when(body.sentAt) } }),
  }),
  route({
    path: "directors-consulted",
    action: "directors-consulted",
    summary: "A director's response on a serious complaint (policy 2.1).",
    body: ZDirectorConsultedRequest,
    run: ({ deps, actor, caseId, body }) => recordDirectorConsulted({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "board-informed",
    action: "board-informed",
    summary: "The Board was informed of the final outcome (policy 2.1).",
    body: ZBoardInformedRequest,
    run: ({ deps, actor, caseId, body }) => recordBoardInformed({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "meeting",
    action: "meeting",
    summary: "Discussed at an Operations Meeting; for serious complaints link the minutes document (policy 2.1).",
    body: ZMeetingRequest,
    run: ({ deps, actor, caseId, body }) => recordMeeting({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "appeal",
    action: "appeal",
    summary: "An appeal received, assigned to a board member who did not handle the complaint (policy 2.2).",
    body: ZAppealRequest,
    run: ({ deps, actor, caseId, body }) =>
      recordAppeal({ deps, actor, caseId, input: { ...body, receivedAt: when(body.receivedAt) } }),
  }),
  route({
    path: "appeal-decision",
    action: "appeal-decision",
    summary: "Board member: the appeal decision, sent to the complainant (policy 2.2).",
    body: ZAppealDecisionRequest,
    run: ({ deps, actor, caseId, body }) =>
      decideAppeal({ deps, actor, caseId, input: { ...body, sentAt: when(body.sentAt) } }),
  }),
  route({
    path: "signpost",
    action: "signpost",
    summary: "The complainant was pointed to the awarding organisation (policy 3.1).",
    body: ZSignpostRequest,
    run: ({ deps, actor, caseId, body }) => signpostCase({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "withdraw",
    action: "withdraw",
    summary: "The complainant withdrew the complaint.",
    body: ZWithdrawRequest,
    run: ({ deps, actor, caseId, body }) => withdrawCase({ deps, actor, caseId, input: body }),
  }),
  route({
    path: "close",
    action: "close",
    summary: "Close the case; refused, naming each unmet guard, until the procedure is complete.",
    body: ZCloseRequest,
    run: ({ deps, actor, caseId, body }) => closeCase({ deps, actor, caseId, input: body }),
  }),
];

export function registerTransitionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  for (const r of TRANSITION_ROUTES) {
    app.post(`/api/cases/:id/${r.path}`, async (request: FastifyRequest) => {
      const actor = await authenticate(request, ctx.verifier);
      // A role that may never take this action gets 403 whatever it sent, before any field is checked.
      assertMayEverTake(actor, r.action);
      const body = jsonBody(request, r.body);
      const params = request.params as Record<string, string>;
      const updated = await r.run({ deps: ctx.deps, actor, caseId: params.id ?? "", body, params });
      const view = caseView(actor, updated);
      return { case: presentCase(view === "none" ? "status" : view, updated, ctx.deps.clock.now()) };
    });
  }
}
