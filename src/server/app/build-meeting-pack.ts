import { AppError } from "../domain/app-error.js";
import { buildMeetingPack as build, type MeetingPack } from "../domain/governance/meeting-pack.js";
import type { Actor } from "../domain/roles.js";
import type { ImprovementActionRecord, MeetingRecord } from "../ports/governance-store.js";
import { londonToday } from "./create-meeting.js";
import type { AppDeps } from "./deps.js";
import { everyCase } from "./every-case.js";
import { assertMayGovern } from "./governance-guard.js";

export interface BuildMeetingPackOptions {
  deps: AppDeps;
  actor: Actor;
  /** The recorded meeting the pack is for; absent: the next meeting (everything since the last one, up to today). */
  meetingId?: string;
}

export interface MeetingPackResult {
  pack: MeetingPack;
  meeting: MeetingRecord | null;
  openImprovementActions: ImprovementActionRecord[];
}

/**
 * Policy 2.1: what the Operations Meeting must discuss — outcomes since the previous recorded meeting, serious and
 * overdue cases, appeals. Each case in the pack is a read of that case, recorded in its audit trail.
 */
export async function buildMeetingPack({
  deps,
  actor,
  meetingId,
}: BuildMeetingPackOptions): Promise<MeetingPackResult> {
  assertMayGovern(actor);
  const today = londonToday(deps);
  const meetings = await deps.store.listMeetings();
  const meeting = meetingId ? (meetings.find((m) => m.id === meetingId) ?? null) : null;
  if (meetingId && !meeting) throw new AppError("NOT_FOUND", "There is no such Operations Meeting.");
  const until = meeting?.meetingDate ?? today;
  // "Since the last meeting": the latest recorded meeting before this one (before or on today, for the next one).
  const previous = meetings.find((m) => (meeting ? m.meetingDate < until : m.meetingDate <= today));
  const cases = await everyCase({ deps, today });
  const pack = build({
    cases,
    meeting: meeting ? { id: meeting.id, meetingDate: meeting.meetingDate } : null,
    previousMeetingDate: previous?.meetingDate ?? null,
    today,
  });
  const shown = new Set(
    [pack.outcomes, pack.serious, pack.overdue, pack.appeals, pack.awaitingDiscussion, pack.discussed].flatMap((l) =>
      l.map((p) => p.id),
    ),
  );
  const at = deps.clock.now().toISOString();
  await deps.store.recordReads([...shown].map((caseId) => ({ caseId, actorId: actor.id, at, via: "meeting-pack" })));
  const openImprovementActions = (await deps.store.listImprovementActions()).filter((a) => a.doneAt === null);
  return { pack, meeting, openImprovementActions };
}
