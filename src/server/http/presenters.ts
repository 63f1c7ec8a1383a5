import type { CaseStatusView, CaseView, DocumentView, TimelineEntryView } from "../../contracts/views.js";
import type { CaseView as Access } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import { currentDeadline, isOverdue } from "../domain/deadlines.js";
import { nextStep } from "../domain/next-step.js";
import { unmetCloseGuards } from "../domain/procedure/closing.js";
import type { DocumentRecord, TimelineEntry } from "../ports/case-store.js";

/** What leaves the server about a case. Database rows never do; staff see the status and nothing of the content. */
export function presentCase(view: Exclude<Access, "none">, c: ComplaintCase, now: Date): CaseView {
  const today = londonDateTime(now).date;
  const status: CaseStatusView = {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    receivedAt: c.receivedAt,
    deemedReceivedOn: c.deemedReceivedOn,
    acknowledgeDueDate: c.acknowledgeDueDate,
    responseDueDate: c.responseDueDate,
    currentDueDate: currentDeadline(c),
    overdue: isOverdue(c, today),
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
