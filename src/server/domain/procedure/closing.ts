import { AppError } from "../app-error.js";
import { formatUkLong, londonDateTime } from "../calendar/plain-date.js";
import type { PlainDate } from "../calendar/types.js";
import type { ComplaintCase } from "../case.js";
import { clean, fieldError, requireStage, type Transition, type TransitionContext } from "./transition.js";

/** Policy 2.1: "Inform the Board of the final outcome" — the appeal decision when there was an appeal. */
export function recordBoardInformed(
  c: ComplaintCase,
  input: { on?: PlainDate; note?: string | null },
  ctx: TransitionContext,
): Transition {
  requireStage(c, "board-informed");
  const of = c.stage === "appeal-decided" ? "appeal-decision" : "outcome";
  const on = input.on ?? londonDateTime(ctx.now).date;
  if (on > londonDateTime(ctx.now).date) throw fieldError("on", "This date is in the future.");
  // The Board can only have been told of a final outcome that existed: not before the day it was sent.
  const sentAt = of === "outcome" ? c.outcome?.sentAt : c.appealDecision?.sentAt;
  const sentOn = sentAt ? londonDateTime(new Date(sentAt)).date : null;
  if (sentOn && on < sentOn) {
    const what = of === "outcome" ? "outcome was sent" : "appeal decision was sent";
    throw fieldError("on", `This date is before the ${what} (${sentOn}).`);
  }
  const next: ComplaintCase = {
    ...c,
    boardInformed: [
      ...c.boardInformed,
      { of, on, note: clean(input.note), at: ctx.now.toISOString(), by: ctx.actorId },
    ],
  };
  const what = of === "outcome" ? "outcome" : "appeal decision";
  return {
    next,
    event: { kind: "board-informed", summary: `The Board was informed of the ${what} on ${on}.`, data: { of, on } },
  };
}

/** Policy 2.1: "Discuss further at Operations Meeting"; serious complaints in full in the minutes. */
export function recordMeeting(
  c: ComplaintCase,
  input: { meetingDate: PlainDate; notes: string; minutesDocumentId?: string | null; meetingId?: string | null },
  ctx: TransitionContext,
): Transition {
  requireStage(c, "meeting");
  const notes = clean(input.notes);
  if (!notes) throw fieldError("notes", "Record what the meeting said about this complaint.");
  if (input.meetingDate > londonDateTime(ctx.now).date) throw fieldError("meetingDate", "This date is in the future.");
  const meetingId = input.meetingId ?? null;
  // The same meeting recorded again (notes corrected, minutes linked later) replaces its earlier record.
  const others = meetingId ? c.meetings.filter((m) => m.meetingId !== meetingId) : c.meetings;
  const next: ComplaintCase = {
    ...c,
    meetings: [
      ...others,
      {
        meetingId,
        meetingDate: input.meetingDate,
        notes,
        minutesDocumentId: input.minutesDocumentId ?? null,
        at: ctx.now.toISOString(),
        by: ctx.actorId,
      },
    ],
  };
  return {
    next,
    event: {
      kind: "meeting-recorded",
      summary: `Discussed at the Operations Meeting on ${formatUkLong(input.meetingDate)}${input.minutesDocumentId ? " (minutes attached)" : ""}.`,
      data: { meetingDate: input.meetingDate, meetingId, minutesDocumentId: input.minutesDocumentId ?? null },
    },
  };
}

/** Policy 3.1: the awarding organisation is the next step for a complainant still unsatisfied. */
export function recordSignpost(
  c: ComplaintCase,
  input: { awardingOrganisation: string; contact?: string | null; note?: string | null },
  ctx: TransitionContext,
): Transition {
  requireStage(c, "signpost");
  const awardingOrganisation = clean(input.awardingOrganisation);
  if (!awardingOrganisation) throw fieldError("awardingOrganisation", "Name the awarding organisation.");
  const next: ComplaintCase = {
    ...c,
    signposts: [
      ...c.signposts,
      {
        awardingOrganisation,
        contact: clean(input.contact),
        note: clean(input.note),
        at: ctx.now.toISOString(),
        by: ctx.actorId,
      },
    ],
  };
  return {
    next,
    event: { kind: "signposted", summary: `Signposted to ${awardingOrganisation}.`, data: { awardingOrganisation } },
  };
}

export function withdrawCase(c: ComplaintCase, input: { reason: string }, ctx: TransitionContext): Transition {
  requireStage(c, "withdraw");
  const reason = clean(input.reason);
  if (!reason) throw fieldError("reason", "Record why the complaint was withdrawn.");
  const next: ComplaintCase = {
    ...c,
    stage: "closed",
    closure: { kind: "withdrawn", redirectedAs: null, reason, at: ctx.now.toISOString(), by: ctx.actorId },
  };
  return { next, event: { kind: "withdrawn", summary: "Withdrawn by the complainant.", data: {} } };
}

export const CLOSE_GUARDS = [
  "outcome-sent-in-writing",
  "board-informed-of-final-outcome",
  "discussed-at-operations-meeting",
  "appeal-window-passed-or-appeal-decided",
  "serious-complaint-minuted",
] as const;
export type CloseGuard = (typeof CLOSE_GUARDS)[number];

const GUARD_WORDS: Record<CloseGuard, string> = {
  "outcome-sent-in-writing": "the outcome has not been sent in writing",
  "board-informed-of-final-outcome": "the Board has not been informed of the final outcome",
  "discussed-at-operations-meeting": "the case has not been discussed at an Operations Meeting",
  "appeal-window-passed-or-appeal-decided": "the appeal window has not passed",
  "serious-complaint-minuted": "this serious complaint is not yet recorded in full in meeting minutes",
};

/** Which closing guards are not met: the case page shows these, and close refuses while any remain. */
export function unmetCloseGuards(c: ComplaintCase, today: PlainDate): CloseGuard[] {
  const unmet: CloseGuard[] = [];
  if (!c.outcome) unmet.push("outcome-sent-in-writing");
  const finalIs = c.appealDecision ? "appeal-decision" : "outcome";
  const finalAt = c.appealDecision?.sentAt ?? c.outcome?.sentAt ?? "";
  if (!c.boardInformed.some((b) => b.of === finalIs && b.at >= finalAt)) unmet.push("board-informed-of-final-outcome");
  if (c.meetings.length === 0) unmet.push("discussed-at-operations-meeting");
  if (!c.appealDecision && !(c.outcome && today > c.outcome.appealDeadline)) {
    unmet.push("appeal-window-passed-or-appeal-decided");
  }
  if (c.triage?.serious && !c.meetings.some((m) => m.minutesDocumentId)) unmet.push("serious-complaint-minuted");
  return unmet;
}

export function closeCase(c: ComplaintCase, input: { note?: string | null }, ctx: TransitionContext): Transition {
  requireStage(c, "close");
  const unmet = unmetCloseGuards(c, londonDateTime(ctx.now).date);
  if (unmet.length > 0) {
    const words = unmet.map((g) => GUARD_WORDS[g]);
    throw new AppError("GUARD_NOT_MET", `This case cannot close yet: ${words.join("; ")}.`, { unmet });
  }
  const next: ComplaintCase = {
    ...c,
    stage: "closed",
    closure: {
      kind: "resolved",
      redirectedAs: null,
      reason: clean(input.note),
      at: ctx.now.toISOString(),
      by: ctx.actorId,
    },
  };
  return { next, event: { kind: "closed", summary: "Case closed.", data: {} } };
}
