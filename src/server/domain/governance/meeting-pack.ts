import { londonDateTime } from "../calendar/plain-date.js";
import type { PlainDate } from "../calendar/types.js";
import type { ComplaintCase, OutcomeResult } from "../case.js";
import { currentDeadline, isOverdue } from "../deadlines.js";
import type { Stage } from "../stages.js";

/** One case as the Operations Meeting sees it: enough to discuss it, nothing of the complainant. */
export interface PackCase {
  id: string;
  reference: string;
  subject: string;
  category: string | null;
  serious: boolean;
  stage: Stage;
  handlerId: string | null;
  receivedOn: PlainDate;
  dueDate: PlainDate | null;
  outcome: { result: OutcomeResult; sentOn: PlainDate; rootCause: string | null; lessonsLearned: string | null } | null;
  appeal: { receivedOn: PlainDate; decision: OutcomeResult | null } | null;
  /** What was said about it at this meeting, when the pack is for a recorded meeting. */
  discussion: { notes: string; minutesLinked: boolean } | null;
}

/** Policy 2.1: what the Operations Meeting must discuss. */
export interface MeetingPack {
  /** The meeting the pack is for; null for the next meeting, not yet recorded. */
  meetingDate: PlainDate | null;
  /** The previous recorded meeting: "since the last meeting" starts the day after. Null when there was none. */
  since: PlainDate | null;
  /** Final outcomes (and appeal decisions) sent since the last meeting. */
  outcomes: PackCase[];
  /** Serious complaints still open, or closed since the last meeting. */
  serious: PackCase[];
  /** Open cases past their current deadline. */
  overdue: PackCase[];
  /** Appeals received since the last meeting or still undecided. */
  appeals: PackCase[];
  /** Cases with an outcome that no Operations Meeting has discussed yet (closing needs it). */
  awaitingDiscussion: PackCase[];
  /** Cases discussed at this meeting, with the notes recorded. */
  discussed: PackCase[];
}

const dayOf = (iso: string): PlainDate => londonDateTime(new Date(iso)).date;

export function packCase(c: ComplaintCase, meetingId: string | null): PackCase {
  const discussion = meetingId ? c.meetings.find((m) => m.meetingId === meetingId) : undefined;
  return {
    id: c.id,
    reference: c.reference,
    subject: c.subject,
    category: c.triage?.category ?? null,
    serious: c.triage?.serious ?? false,
    stage: c.stage,
    handlerId: c.triage?.handlerId ?? null,
    receivedOn: c.deemedReceivedOn,
    dueDate: currentDeadline(c),
    outcome: c.outcome
      ? {
          result: c.outcome.result,
          sentOn: dayOf(c.outcome.sentAt),
          rootCause: c.outcome.learning?.rootCause ?? null,
          lessonsLearned: c.outcome.learning?.lessonsLearned ?? null,
        }
      : null,
    appeal: c.appeal ? { receivedOn: dayOf(c.appeal.receivedAt), decision: c.appealDecision?.result ?? null } : null,
    discussion: discussion ? { notes: discussion.notes, minutesLinked: discussion.minutesDocumentId !== null } : null,
  };
}

/**
 * Builds the pack from every case. `window` is (since, until]: since the previous meeting up to this meeting's date
 * (or today, for the next meeting).
 */
export function buildMeetingPack(options: {
  cases: readonly ComplaintCase[];
  meeting: { id: string; meetingDate: PlainDate } | null;
  previousMeetingDate: PlainDate | null;
  today: PlainDate;
}): MeetingPack {
  const { meeting, previousMeetingDate: since, today } = options;
  const until = meeting?.meetingDate ?? today;
  const inWindow = (iso: string | undefined | null): boolean => {
    if (!iso) return false;
    const d = dayOf(iso);
    return (since === null || d > since) && d <= until;
  };
  const pack: MeetingPack = {
    meetingDate: meeting?.meetingDate ?? null,
    since,
    outcomes: [],
    serious: [],
    overdue: [],
    appeals: [],
    awaitingDiscussion: [],
    discussed: [],
  };
  // Oldest first: the meeting works through them in the order they arrived.
  const cases = [...options.cases].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  for (const c of cases) {
    if (c.closure && c.closure.kind !== "resolved") continue; // redirected or withdrawn: nothing to discuss
    const p = packCase(c, meeting?.id ?? null);
    if (inWindow(c.outcome?.sentAt) || inWindow(c.appealDecision?.sentAt)) pack.outcomes.push(p);
    if (p.serious && (c.stage !== "closed" || inWindow(c.closure?.at))) pack.serious.push(p);
    if (isOverdue(c, today)) pack.overdue.push(p);
    if (c.appeal && (c.stage === "appeal" || inWindow(c.appeal.receivedAt))) pack.appeals.push(p);
    if (c.outcome && c.stage !== "closed" && c.meetings.length === 0) pack.awaitingDiscussion.push(p);
    if (p.discussion) pack.discussed.push(p);
  }
  return pack;
}
