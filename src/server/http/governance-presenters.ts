import type { GovernanceDocumentView, ImprovementActionView, MeetingView } from "../../contracts/governance-views.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { GovernanceDocumentRecord, ImprovementActionRecord, MeetingRecord } from "../ports/governance-store.js";

export function presentGovernanceDocument(d: GovernanceDocumentRecord): GovernanceDocumentView {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    folder: d.folder.join("/"),
    size: d.size,
    url: `/api/governance-documents/${d.id}/content`,
    ...(d.webUrl ? { webUrl: d.webUrl } : {}),
    filed: d.filedAt !== null,
    createdAt: d.createdAt,
  };
}

export function presentMeeting(m: MeetingRecord, documents: readonly GovernanceDocumentRecord[] = []): MeetingView {
  return {
    id: m.id,
    meetingDate: m.meetingDate,
    attendees: m.attendees,
    notes: m.notes,
    documents: documents.map(presentGovernanceDocument),
  };
}

export function presentImprovementAction(
  a: ImprovementActionRecord,
  names: Readonly<Record<string, { name: string }>>,
  today: PlainDate,
): ImprovementActionView {
  return {
    id: a.id,
    description: a.description,
    ownerId: a.ownerId,
    ownerName: names[a.ownerId]?.name ?? a.ownerId,
    dueDate: a.dueDate,
    caseId: a.caseId,
    meetingId: a.meetingId,
    done: a.doneAt !== null,
    doneAt: a.doneAt,
    doneNote: a.doneNote,
    overdue: a.doneAt === null && a.dueDate < today,
  };
}
