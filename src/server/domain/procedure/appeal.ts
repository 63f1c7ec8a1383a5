import { AppError } from "../app-error.js";
import { londonDateTime } from "../calendar/plain-date.js";
import type { ComplaintCase, OutcomeResult, SendMethod } from "../case.js";
import { assertNotFuture } from "./handling.js";
import { clean, fieldError, requireStage, type Transition, type TransitionContext } from "./transition.js";

export interface AppealInput {
  receivedAt: Date;
  grounds: string;
  boardMemberId: string;
  /** Required when the appeal arrives after the deadline: why it is accepted all the same. */
  lateReason?: string | null;
}

/**
 * Policy 2.2: appeals within 10 working days of receipt of the outcome, considered by an appropriate board member
 * who answers within 10 working days. A late appeal is accepted only with a recorded reason; it reopens a closed case.
 */
export function recordAppeal(c: ComplaintCase, input: AppealInput, ctx: TransitionContext): Transition {
  requireStage(c, "appeal");
  if (!c.outcome) {
    throw new AppError("ILLEGAL_TRANSITION", `Case ${c.reference} has no outcome, so there is nothing to appeal.`, {
      stage: c.stage,
    });
  }
  if (c.appealDecision) {
    throw new AppError(
      "ILLEGAL_TRANSITION",
      "The appeal on this case has already been decided. The next step for the complainant is the awarding organisation.",
      { stage: c.stage },
    );
  }
  const grounds = clean(input.grounds);
  if (!grounds) throw fieldError("grounds", "Record the grounds of the appeal.");
  assertNotFuture(input.receivedAt, ctx.now, "receivedAt");
  if (input.receivedAt.getTime() < Date.parse(c.outcome.sentAt)) {
    throw fieldError("receivedAt", "The appeal cannot have been received before the outcome was sent.");
  }
  if (input.boardMemberId === c.triage?.handlerId) {
    throw new AppError(
      "CONFLICT_OF_INTEREST",
      "The board member deciding the appeal must not be the person who handled the complaint.",
      { field: "boardMemberId" },
    );
  }
  // Generous to the complainant: any time on the deadline day counts, office hours or not.
  const receivedOn = londonDateTime(input.receivedAt).date;
  const inTime = receivedOn <= c.outcome.appealDeadline;
  const lateReason = clean(input.lateReason);
  if (!inTime && !lateReason) {
    throw fieldError(
      "lateReason",
      `This appeal arrived after the deadline (${c.outcome.appealDeadline}). Record why it is accepted late.`,
    );
  }
  const deemed = ctx.calendar.deemedReceiptDate(input.receivedAt);
  const responseDueDate = ctx.calendar.addWorkingDays(deemed, c.policy.appealResponseWorkingDays);
  const reopened = c.stage === "closed";
  const next: ComplaintCase = {
    ...c,
    stage: "appeal",
    closure: null,
    appeal: {
      receivedAt: input.receivedAt.toISOString(),
      grounds,
      inTime,
      lateReason: inTime ? null : lateReason,
      boardMemberId: input.boardMemberId,
      responseDueDate,
      reopened,
      by: ctx.actorId,
    },
  };
  return {
    next,
    event: {
      kind: "appeal-received",
      summary: `${inTime ? "Appeal received in time" : "Late appeal accepted"}${reopened ? " (case reopened)" : ""}; decision due ${responseDueDate}.`,
      data: { inTime, reopened, boardMemberId: input.boardMemberId, responseDueDate },
    },
  };
}

export interface AppealDecisionInput {
  result: OutcomeResult;
  reasons: string;
  method: SendMethod;
  sentAt?: Date;
}

export function decideAppeal(c: ComplaintCase, input: AppealDecisionInput, ctx: TransitionContext): Transition {
  requireStage(c, "appeal-decision");
  const reasons = clean(input.reasons);
  if (!reasons) throw fieldError("reasons", "Give the reasons for the appeal decision.");
  const sentAt = input.sentAt ?? ctx.now;
  assertNotFuture(sentAt, ctx.now, "sentAt");
  if (c.appeal && sentAt.getTime() < Date.parse(c.appeal.receivedAt)) {
    throw fieldError("sentAt", "The decision cannot have been sent before the appeal was received.");
  }
  const next: ComplaintCase = {
    ...c,
    stage: "appeal-decided",
    appealDecision: {
      result: input.result,
      reasons,
      method: input.method,
      sentAt: sentAt.toISOString(),
      by: ctx.actorId,
    },
  };
  return {
    next,
    event: {
      kind: "appeal-decided",
      summary: `Appeal decided: ${input.result.replace("-", " ")}; decision sent by ${input.method}.`,
      data: { result: input.result },
    },
  };
}
