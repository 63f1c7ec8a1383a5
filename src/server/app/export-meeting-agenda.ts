import { meetingAgenda } from "../domain/governance/meeting-agenda.js";
import type { Actor } from "../domain/roles.js";
import type { GovernanceDocumentRecord } from "../ports/governance-store.js";
import { buildMeetingPack } from "./build-meeting-pack.js";
import { londonToday } from "./create-meeting.js";
import type { AppDeps } from "./deps.js";
import { governanceFolder, saveGovernanceDocument } from "./save-governance-document.js";

export interface ExportMeetingAgendaOptions {
  deps: AppDeps;
  actor: Actor;
  meetingId: string;
}

/**
 * The meeting's complaints agenda as a .docx, filed to Directors/Complaints/Meetings/<yyyy-mm-dd>/ through the
 * outbox (so it reaches SharePoint even if Graph is down when it is made).
 */
export async function exportMeetingAgenda(options: ExportMeetingAgendaOptions): Promise<GovernanceDocumentRecord> {
  const { deps, actor } = options;
  const { pack, meeting, openImprovementActions } = await buildMeetingPack(options);
  const meetingDate = meeting?.meetingDate ?? londonToday(deps);
  const ids = new Set<string>();
  for (const list of [pack.outcomes, pack.serious, pack.overdue, pack.appeals, pack.awaitingDiscussion]) {
    for (const p of list) if (p.handlerId) ids.add(p.handlerId);
  }
  for (const a of openImprovementActions) ids.add(a.ownerId);
  const names: Record<string, string> = {};
  for (const id of ids) names[id] = (await deps.directory.getUser(id))?.name ?? id;
  const policy = await deps.policy.current();
  const today = londonToday(deps);
  const report = meetingAgenda({
    pack,
    meetingDate,
    organisationName: policy.organisationName,
    names,
    improvementActions: openImprovementActions.map((a) => ({
      description: a.description,
      ownerName: names[a.ownerId] ?? a.ownerId,
      dueDate: a.dueDate,
      overdue: a.dueDate < today,
    })),
  });
  return saveGovernanceDocument({
    deps,
    actorId: actor.id,
    report,
    kind: "meeting-agenda",
    folder: governanceFolder("Meetings", meetingDate),
    meetingId: meeting?.id ?? null,
  });
}
