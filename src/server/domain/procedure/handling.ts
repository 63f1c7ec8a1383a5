import { AppError } from "../app-error.js";
import { londonDateTime } from "../calendar/plain-date.js";
import type { PlainDate } from "../calendar/types.js";
import type { ComplaintCase, OutcomeResult, SendMethod } from "../case.js";
import { ROOT_CAUSES, type RootCause } from "../learning.js";
import { clean, fieldError, requireStage, type Transition, type TransitionContext } from "./transition.js";

export interface AcknowledgeInput {
  method: SendMethod;
  /** When the acknowledgement went out; defaults to now. */
  sentAt?: Date;
}

/** Policy 1.3: tell the complainant it will be investigated and answered within 10 working days. */
export function acknowledgeCase(c: ComplaintCase, input: AcknowledgeInput, ctx: TransitionContext): Transition {
  requireStage(c, "acknowledge");
  const sentAt = input.sentAt ?? ctx.now;
  assertNotFuture(sentAt, ctx.now, "sentAt");
  assertNotBeforeReceipt(c, sentAt, "sentAt");
  let responseDueDate = c.responseDueDate;
  if (c.policy.responseClockStartsAt === "acknowledgement") {
    const from = ctx.calendar.deemedReceiptDate(sentAt);
    responseDueDate = ctx.calendar.addWorkingDays(from, c.policy.responseWorkingDays);
  }
  const next: ComplaintCase = {
    ...c,
    stage: "investigating",
    responseDueDate,
    acknowledgement: { sentAt: sentAt.toISOString(), method: input.method, by: ctx.actorId },
  };
  return {
    next,
    event: {
      kind: "acknowledged",
      summary: `Acknowledged by ${input.method}; response due ${responseDueDate}.`,
      data: { method: input.method, responseDueDate },
    },
  };
}

export interface AddActionInput {
  description: string;
  ownerId: string;
  dueDate: PlainDate;
}

/** Policy 1.3: "any required future actions and timescales should be agreed and documented". */
export function addAction(c: ComplaintCase, input: AddActionInput, ctx: TransitionContext): Transition {
  requireStage(c, "add-action");
  const description = clean(input.description);
  if (!description) throw fieldError("description", "Describe the action.");
  const id = ctx.newId();
  const at = ctx.now.toISOString();
  const next: ComplaintCase = {
    ...c,
    actions: [
      ...c.actions,
      {
        id,
        description,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        createdAt: at,
        createdBy: ctx.actorId,
        completedAt: null,
        completedBy: null,
        completionNote: null,
      },
    ],
  };
  return {
    next,
    event: {
      kind: "action-added",
      summary: `Action agreed, due ${input.dueDate}: ${description}`,
      data: { actionId: id },
    },
  };
}

export function completeAction(
  c: ComplaintCase,
  input: { actionId: string; note?: string | null },
  ctx: TransitionContext,
): Transition {
  requireStage(c, "complete-action");
  const action = c.actions.find((a) => a.id === input.actionId);
  if (!action) throw new AppError("NOT_FOUND", "There is no such action on this case.");
  if (action.completedAt) {
    throw new AppError("ILLEGAL_TRANSITION", "This action is already marked as done.", { actionId: action.id });
  }
  const at = ctx.now.toISOString();
  const next: ComplaintCase = {
    ...c,
    actions: c.actions.map((a) =>
      a.id === action.id ? { ...a, completedAt: at, completedBy: ctx.actorId, completionNote: clean(input.note) } : a,
    ),
  };
  return {
    next,
    event: { kind: "action-completed", summary: `Action done: ${action.description}`, data: { actionId: action.id } },
  };
}

/**
 * Policy 2.1: directors are consulted on serious complaints. Each director's response is recorded; the outcome
 * cannot be sent until every director has responded.
 */
export function recordDirectorConsulted(
  c: ComplaintCase,
  input: { directorId: string; response: string },
  ctx: TransitionContext,
): Transition {
  requireStage(c, "directors-consulted");
  const response = clean(input.response);
  if (!response) throw fieldError("response", "Record the director's response.");
  const next: ComplaintCase = {
    ...c,
    consultations: [
      ...c.consultations.filter((r) => r.directorId !== input.directorId),
      { directorId: input.directorId, response, at: ctx.now.toISOString(), recordedBy: ctx.actorId },
    ],
  };
  return {
    next,
    event: {
      kind: "director-consulted",
      summary: "A director's response was recorded.",
      data: { directorId: input.directorId },
    },
  };
}

export interface OutcomeInput {
  result: OutcomeResult;
  reasons: string;
  remedy?: string | null;
  method: SendMethod;
  /** When the outcome went out (for email: when the send was accepted); defaults to now. */
  sentAt?: Date;
  /** Everyone who must be consulted on a serious complaint: the directors at the time. */
  directorIds: readonly string[];
  /** Policy aim 6: why it happened and what CMS learned — required on every outcome. */
  rootCause: RootCause;
  rootCauseNote?: string | null;
  lessonsLearned: string;
}

/** The appeal window starts when the complainant receives the outcome (policy 2.2). */
export function appealDeadlineFor(
  ctx: Pick<TransitionContext, "calendar">,
  c: Pick<ComplaintCase, "policy">,
  method: SendMethod,
  sentAt: Date,
): { complainantReceiptDate: PlainDate; appealDeadline: PlainDate } {
  const sentOn = londonDateTime(sentAt).date;
  const complainantReceiptDate =
    method === "email" ? sentOn : ctx.calendar.addWorkingDays(sentOn, c.policy.postalDeliveryWorkingDays);
  return {
    complainantReceiptDate,
    appealDeadline: ctx.calendar.addWorkingDays(complainantReceiptDate, c.policy.appealWindowWorkingDays),
  };
}

/** Policy 1.3: "respond in writing with a final outcome". */
export function recordOutcome(c: ComplaintCase, input: OutcomeInput, ctx: TransitionContext): Transition {
  requireStage(c, "outcome");
  const reasons = clean(input.reasons);
  if (!reasons) throw fieldError("reasons", "Give the reasons for the outcome.");
  if (!ROOT_CAUSES.includes(input.rootCause)) throw fieldError("rootCause", "Choose the root cause from the list.");
  const lessonsLearned = clean(input.lessonsLearned);
  if (!lessonsLearned) {
    throw fieldError("lessonsLearned", "Record the lessons learned (say so if there are none, and why).");
  }
  if (c.triage?.serious) {
    const missing = input.directorIds.filter((id) => !c.consultations.some((r) => r.directorId === id));
    if (missing.length > 0 || input.directorIds.length === 0) {
      throw new AppError(
        "GUARD_NOT_MET",
        "This is a serious complaint: every director must be consulted, and their response recorded, before the outcome is sent.",
        { unmet: ["directors-consulted"], directorsNotConsulted: missing },
      );
    }
  }
  const sentAt = input.sentAt ?? ctx.now;
  assertNotFuture(sentAt, ctx.now, "sentAt");
  assertNotBeforeReceipt(c, sentAt, "sentAt");
  const window = appealDeadlineFor(ctx, c, input.method, sentAt);
  const next: ComplaintCase = {
    ...c,
    stage: "outcome-sent",
    outcome: {
      result: input.result,
      reasons,
      remedy: clean(input.remedy),
      method: input.method,
      sentAt: sentAt.toISOString(),
      ...window,
      by: ctx.actorId,
      learning: { rootCause: input.rootCause, rootCauseNote: clean(input.rootCauseNote), lessonsLearned },
    },
  };
  return {
    next,
    event: {
      kind: "outcome-sent",
      summary: `Outcome sent by ${input.method}: ${input.result.replace("-", " ")}. Appeals are due by ${window.appealDeadline}.`,
      data: { result: input.result, method: input.method, appealDeadline: window.appealDeadline },
    },
  };
}

export function assertNotFuture(when: Date, now: Date, field: string): void {
  // A minute's grace for clocks that differ between the caller and the server.
  if (when.getTime() > now.getTime() + 60_000) throw fieldError(field, "This date and time is in the future.");
}

function assertNotBeforeReceipt(c: ComplaintCase, when: Date, field: string): void {
  if (when.getTime() < Date.parse(c.receivedAt)) {
    throw fieldError(field, "This is before the complaint was received.");
  }
}
