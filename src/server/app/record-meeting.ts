import { AppError } from "../domain/app-error.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase } from "../domain/case.js";
import { recordMeeting as record } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface RecordMeetingOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: { meetingDate: PlainDate; notes: string; minutesDocumentId?: string | null };
}

/** Policy 2.1: discussed at the Operations Meeting; a serious complaint's minutes document linked. */
export async function recordMeeting({ deps, actor, caseId, input }: RecordMeetingOptions): Promise<ComplaintCase> {
  if (input.minutesDocumentId) {
    const doc = await deps.store.getDocument(input.minutesDocumentId);
    if (!doc || doc.caseId !== caseId || doc.kind !== "minutes") {
      const message = 'That is not a minutes document of this case. Upload the minutes with kind "minutes" first.';
      throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["minutesDocumentId"], message }] });
    }
  }
  return changeCase({ deps, actor, caseId, action: "meeting", apply: (c, ctx) => record(c, input, ctx) });
}
