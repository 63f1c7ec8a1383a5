import { AppError } from "../domain/app-error.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase } from "../domain/case.js";
import { recordMeeting as record } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import type { MeetingRecord } from "../ports/governance-store.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface RecordMeetingOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  /** The meeting by id, or by date (a meeting on that date is recorded if there is none yet). */
  input: { meetingId?: string | null; meetingDate?: PlainDate; notes: string; minutesDocumentId?: string | null };
}

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", message, { issues: [{ path: [field], message }] });

/**
 * Policy 2.1: a case discussed at the Operations Meeting (its notes on the case); a serious complaint's minutes
 * document linked. The discussion belongs to a meeting record, so the next meeting's pack starts after it.
 */
export async function recordMeeting({ deps, actor, caseId, input }: RecordMeetingOptions): Promise<ComplaintCase> {
  if (input.minutesDocumentId) {
    const doc = await deps.store.getDocument(input.minutesDocumentId);
    if (!doc || doc.caseId !== caseId || doc.kind !== "minutes") {
      throw invalid(
        "minutesDocumentId",
        'That is not a minutes document of this case. Upload the minutes with kind "minutes" first.',
      );
    }
  }
  let meeting: MeetingRecord | null = null;
  if (input.meetingId) {
    meeting = await deps.store.getMeeting(input.meetingId);
    if (!meeting) throw invalid("meetingId", "There is no such Operations Meeting. Record the meeting first.");
  } else if (input.meetingDate) {
    meeting = (await deps.store.listMeetings()).find((m) => m.meetingDate === input.meetingDate) ?? null;
  } else {
    throw invalid("meetingDate", "Say which Operations Meeting discussed this case.");
  }
  const meetingDate = meeting?.meetingDate ?? (input.meetingDate as PlainDate);
  // Recording a discussion on a date with no meeting yet records that meeting too, in the same transaction.
  const created: MeetingRecord | null = meeting
    ? null
    : {
        id: deps.newId(),
        meetingDate,
        attendees: [],
        notes: null,
        createdAt: deps.clock.now().toISOString(),
        createdBy: actor.id,
      };
  const meetingId = meeting?.id ?? created?.id ?? null;
  return changeCase({
    deps,
    actor,
    caseId,
    action: "meeting",
    apply: (c, ctx) =>
      record(c, { meetingId, meetingDate, notes: input.notes, minutesDocumentId: input.minutesDocumentId }, ctx),
    alsoWrite: async (tx) => {
      if (created) await tx.insertMeeting(created);
      return [];
    },
  });
}
