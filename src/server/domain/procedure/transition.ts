import { AppError } from "../app-error.js";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar.js";
import type { ComplaintCase } from "../case.js";
import type { Stage } from "../stages.js";

/** What happened, for the case's timeline. Written in the same transaction as the change itself. */
export interface CaseEvent {
  kind: string;
  /** One plain sentence a director can read in the history. */
  summary: string;
  data?: Record<string, unknown>;
}

export interface Transition {
  next: ComplaintCase;
  event: CaseEvent;
}

/** Everything a transition needs from outside, passed in so the procedure stays pure. */
export interface TransitionContext {
  now: Date;
  actorId: string;
  /** The calendar of the settings the case was received under. */
  calendar: WorkingDayCalendar;
  newId: () => string;
}

/** The actions of DESIGN.md §4 plus the two records the closing guards need. */
export const CASE_ACTIONS = [
  "triage",
  "redirect",
  "acknowledge",
  "add-action",
  "complete-action",
  "add-document",
  "outcome",
  "directors-consulted",
  "board-informed",
  "meeting",
  "appeal",
  "appeal-decision",
  "signpost",
  "withdraw",
  "close",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Where each action may be taken. The one table of legal transitions. */
export const ALLOWED_STAGES: Record<CaseAction, readonly Stage[]> = {
  triage: ["received"],
  redirect: ["received", "triaged"],
  acknowledge: ["triaged"],
  "add-action": ["triaged", "investigating", "outcome-sent", "appeal", "appeal-decided"],
  "complete-action": ["triaged", "investigating", "outcome-sent", "appeal", "appeal-decided", "closed"],
  "add-document": ["received", "triaged", "investigating", "outcome-sent", "appeal", "appeal-decided", "closed"],
  outcome: ["investigating"],
  "directors-consulted": ["triaged", "investigating"],
  "board-informed": ["outcome-sent", "appeal-decided"],
  meeting: ["triaged", "investigating", "outcome-sent", "appeal", "appeal-decided"],
  appeal: ["outcome-sent", "closed"],
  "appeal-decision": ["appeal"],
  signpost: ["outcome-sent", "appeal-decided", "closed"],
  withdraw: ["received", "triaged", "investigating", "outcome-sent", "appeal", "appeal-decided"],
  close: ["outcome-sent", "appeal-decided"],
};

const WHAT_NEXT: Record<Stage, string> = {
  received: "It is waiting for the Operations Director to triage it.",
  triaged: "It is waiting for the handler to acknowledge it.",
  investigating: "The handler is investigating it.",
  "outcome-sent": "The outcome has been sent.",
  appeal: "An appeal is with a board member.",
  "appeal-decided": "The appeal has been decided.",
  closed: "The case is closed.",
};

const ACTION_WORDS: Record<CaseAction, string> = {
  triage: "triaged",
  redirect: "redirected",
  acknowledge: "acknowledged",
  "add-action": "given a new action",
  "complete-action": "given an action completion",
  "add-document": "given documents",
  outcome: "given an outcome",
  "directors-consulted": "given a director's response",
  "board-informed": "marked as reported to the Board",
  meeting: "given an Operations Meeting record",
  appeal: "appealed",
  "appeal-decision": "given an appeal decision",
  signpost: "signposted to the awarding organisation",
  withdraw: "withdrawn",
  close: "closed",
};

export function requireStage(c: ComplaintCase, action: CaseAction): void {
  if (!ALLOWED_STAGES[action].includes(c.stage)) {
    throw new AppError(
      "ILLEGAL_TRANSITION",
      `Case ${c.reference} is at stage "${c.stage}" and cannot be ${ACTION_WORDS[action]} now. ${WHAT_NEXT[c.stage]}`,
      { stage: c.stage, action, allowedStages: ALLOWED_STAGES[action] },
    );
  }
}

/** Text fields: trimmed, empty becomes null. */
export const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export const fieldError = (field: string, message: string): AppError =>
  new AppError("VALIDATION_FAILED", message, { issues: [{ path: [field], message }] });
