import type { CaseCardView, CaseStatusView, CaseView, DocumentView, TimelineEntryView } from "../../contracts/views.js";
import { calendarFor } from "../app/case-calendar.js";
import type { CaseView as Access } from "../domain/access.js";
import { addDays, londonDateTime } from "../domain/calendar/plain-date.js";
import type { CalendarSettings, PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase } from "../domain/case.js";
import { currentDeadline, isOverdue } from "../domain/deadlines.js";
import { nextStep } from "../domain/next-step.js";
import { unmetCloseGuards } from "../domain/procedure/closing.js";
import type { CaseCard, DocumentRecord, TimelineEntry } from "../ports/case-store.js";

/** Working days from today to the deadline on the case's calendar: 0 on the day, negative once overdue. */
export function workingDaysLeft(settings: CalendarSettings, today: PlainDate, due: PlainDate | null): number | null {
  return due === null ? null : calendarFor(settings).workingDaysBetween(today, due);
}

/** What leaves the server about a case. Database rows never do; staff see the status and nothing of the content. */
export function presentCase(view: Exclude<Access, "none">, c: ComplaintCase, now: Date): CaseView {
  const today = londonDateTime(now).date;
  const due = currentDeadline(c);
  const status: CaseStatusView = {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    receivedAt: c.receivedAt,
    deemedReceivedOn: c.deemedReceivedOn,
    acknowledgeDueDate: c.acknowledgeDueDate,
    responseDueDate: c.responseDueDate,
    currentDueDate: due,
    overdue: isOverdue(c, today),
    workingDaysLeft: workingDaysLeft(c.policy, today, due),
    view,
  };
  if (view === "status") return status;
  return {
    ...status,
    view: "full",
    version: c.version,
    channel: c.channel,
    subject: c.subject,
    summary: c.summary,
    complainant: c.complainant,
    source: c.source,
    loggedBy: c.loggedBy,
    loggedAt: c.loggedAt,
    policyVersion: c.policy.version,
    policy: c.policy,
    triage: c.triage,
    acknowledgement: c.acknowledgement,
    actions: c.actions,
    consultations: c.consultations,
    outcome: c.outcome,
    boardInformed: c.boardInformed,
    meetings: c.meetings,
    appeal: c.appeal,
    appealDecision: c.appealDecision,
    signposts: c.signposts,
    closure: c.closure,
    flags: c.flags,
    nextStep: nextStep(c),
    closeGuardsUnmet: c.stage === "outcome-sent" || c.stage === "appeal-decided" ? unmetCloseGuards(c, today) : [],
  };
}

export function presentDocument(d: DocumentRecord): DocumentView {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    url: `/api/cases/${d.caseId}/documents/${d.id}/content`,
    ...(d.webUrl ? { webUrl: d.webUrl } : {}),
    filed: d.filedAt !== null,
    addedAt: d.createdAt,
    addedBy: d.createdBy,
    note: d.note,
  };
}

export function presentTimelineEntry(t: TimelineEntry): TimelineEntryView {
  return { id: t.id, at: t.at, actorId: t.actorId, kind: t.kind, summary: t.summary };
}

/**
 * Working days left for many cards at once. A board of thousands has a few hundred distinct deadlines spread over a
 * year or more: counting each from today walks the same days again and again. Here each calendar walks outwards
 * from today once, remembering the running count for every day it passes.
 */
export function workingDaysLeftMemo(
  today: PlainDate,
): (settings: CalendarSettings, due: PlainDate | null) => number | null {
  const counters = new WeakMap<CalendarSettings, (due: PlainDate) => number>();
  return (settings, due) => {
    if (due === null) return null;
    let counter = counters.get(settings);
    if (!counter) {
      counter = relativeWorkingDays(settings, today);
      counters.set(settings, counter);
    }
    return counter(due);
  };
}

/** `calendar.workingDaysBetween(today, d)` for any d, each day's working status looked up once. */
function relativeWorkingDays(settings: CalendarSettings, today: PlainDate): (d: PlainDate) => number {
  const calendar = calendarFor(settings);
  const counts = new Map<PlainDate, number>([[today, 0]]);
  let high = today;
  let highCount = 0;
  let low = today;
  let lowCount = 0;
  return (d) => {
    const known = counts.get(d);
    if (known !== undefined) return known;
    while (d > high) {
      high = addDays(high, 1);
      if (calendar.isWorkingDay(high)) highCount += 1;
      counts.set(high, highCount);
    }
    while (d < low) {
      // (d, today] holds `low` while stepping below it: count it as it leaves the front.
      if (calendar.isWorkingDay(low)) lowCount -= 1;
      low = addDays(low, -1);
      counts.set(low, lowCount);
    }
    return counts.get(d) ?? 0;
  };
}

/**
 * A board card. Status cards (staff who logged the case) carry nothing of its content. Written as one object
 * literal per card, not a spread of a shared part: V8 builds 10,000 spread copies into slow dictionary objects,
 * which cost more than the rest of the board's presentation together.
 */
export function presentCard(
  view: "full" | "status",
  card: CaseCard,
  today: PlainDate,
  daysLeft: ReturnType<typeof workingDaysLeftMemo> = workingDaysLeftMemo(today),
): CaseCardView {
  const full = view === "full";
  return {
    id: card.id,
    reference: card.reference,
    stage: card.stage,
    receivedAt: card.receivedAt,
    currentDueDate: card.dueDate,
    workingDaysLeft: daysLeft(card.calendar, card.dueDate),
    overdue: card.dueDate !== null && card.dueDate < today,
    view,
    subject: full ? card.subject : null,
    complainantName: full ? card.complainantName : null,
    category: full ? card.category : null,
    serious: full ? card.serious : false,
    handlerId: full ? card.handlerId : null,
    boardMemberId: full ? card.boardMemberId : null,
  };
}
