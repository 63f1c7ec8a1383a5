import { AppError } from "../domain/app-error.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { Actor } from "../domain/roles.js";
import type { MeetingRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { assertMayGovern } from "./governance-guard.js";

export interface CreateMeetingOptions {
  deps: AppDeps;
  actor: Actor;
  input: { meetingDate: PlainDate; attendees?: string[]; notes?: string | null };
}

/** Policy 2.1: an Operations Meeting, recorded once per date (planned ahead, or after it took place). */
export async function createMeeting({ deps, actor, input }: CreateMeetingOptions): Promise<MeetingRecord> {
  assertMayGovern(actor);
  const meeting: MeetingRecord = {
    id: deps.newId(),
    meetingDate: input.meetingDate,
    attendees: (input.attendees ?? []).map((a) => a.trim()).filter(Boolean),
    notes: input.notes?.trim() || null,
    createdAt: deps.clock.now().toISOString(),
    createdBy: actor.id,
  };
  await deps.store.transaction(async (tx) => {
    if (await tx.getMeetingByDate(input.meetingDate)) {
      const message = `An Operations Meeting on ${input.meetingDate} is already recorded: add cases to that one.`;
      throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["meetingDate"], message }] });
    }
    await tx.insertMeeting(meeting);
  });
  return meeting;
}

/** Today in London: a meeting pack for "the next meeting" runs up to today. */
export const londonToday = (deps: AppDeps): PlainDate => londonDateTime(deps.clock.now()).date;
