import type { Actor } from "../domain/roles.js";
import type { GovernanceDocumentRecord, MeetingRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { assertMayGovern } from "./governance-guard.js";

/** The recorded Operations Meetings, newest first, each with its agendas. */
export async function listMeetings({
  deps,
  actor,
}: {
  deps: AppDeps;
  actor: Actor;
}): Promise<Array<{ meeting: MeetingRecord; documents: GovernanceDocumentRecord[] }>> {
  assertMayGovern(actor);
  const [meetings, documents] = await Promise.all([
    deps.store.listMeetings(),
    deps.store.listGovernanceDocuments({ kind: "meeting-agenda" }),
  ]);
  return meetings.map((meeting) => ({ meeting, documents: documents.filter((d) => d.meetingId === meeting.id) }));
}
