import type { TLetterPreviewRequest } from "../../contracts/api.js";
import { caseView, mayTakeOnCase } from "../domain/access.js";
import { AppError } from "../domain/app-error.js";
import { acknowledgementLetter, appealDecisionLetter, type Letter, outcomeLetter } from "../domain/letters.js";
import { decideAppeal } from "../domain/procedure/appeal.js";
import { acknowledgeCase, recordOutcome } from "../domain/procedure/handling.js";
import type { CaseAction, TransitionContext } from "../domain/procedure/transition.js";
import type { Actor } from "../domain/roles.js";
import { calendarFor } from "./case-calendar.js";
import { assertMayEverTake, notFound } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { surveyUrl } from "./survey-token.js";

export interface PreviewLetterOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: TLetterPreviewRequest;
}

const ACTION_OF: Record<TLetterPreviewRequest["kind"], CaseAction> = {
  acknowledgement: "acknowledge",
  outcome: "outcome",
  "appeal-decision": "appeal-decision",
};

/**
 * The letter a step would send, worked out by the procedure itself without saving anything: what the person sees
 * before they send is exactly what the step will keep. The procedure's own refusals (stage, guards) apply.
 */
export async function previewLetter({ deps, actor, caseId, input }: PreviewLetterOptions): Promise<Letter> {
  const action = ACTION_OF[input.kind];
  assertMayEverTake(actor, action);
  const c = await deps.store.getCase(caseId);
  if (!c || caseView(actor, c) === "none") throw notFound();
  if (!mayTakeOnCase(actor, action, c)) {
    throw new AppError("FORBIDDEN", "Only the person this case is assigned to may do this.");
  }
  const now = deps.clock.now();
  // A preview shows the case's content (names, outcome): a read like any other.
  await deps.store.recordReads([
    { caseId, actorId: actor.id, at: now.toISOString(), via: `letter-preview:${input.kind}` },
  ]);
  const ctx: TransitionContext = { now, actorId: actor.id, calendar: calendarFor(c.policy), newId: deps.newId };
  const sentAt = input.sentAt ? new Date(input.sentAt) : undefined;
  switch (input.kind) {
    case "acknowledgement": {
      const { next } = acknowledgeCase(c, { method: input.method, sentAt }, ctx);
      return acknowledgementLetter(next, sentAt ?? now);
    }
    case "outcome": {
      const directorIds = (await deps.directory.usersWithRole("Complaints.Direct")).map((u) => u.id);
      const { next } = recordOutcome(
        c,
        {
          result: input.result,
          reasons: input.reasons,
          remedy: input.remedy,
          method: input.method,
          sentAt,
          directorIds,
          // The letter does not depend on the learning fields; the real step insists on them.
          rootCause: input.rootCause ?? "other",
          lessonsLearned: input.lessonsLearned || "(not yet recorded)",
        },
        ctx,
      );
      // The real link is made when the letter is sent (its token is kept only as a hash): show where it goes.
      const link = deps.publicUrl ? surveyUrl(deps.publicUrl, "(a link made for this complaint)") : undefined;
      return outcomeLetter(next, { surveyUrl: link });
    }
    case "appeal-decision": {
      const { next } = decideAppeal(
        c,
        { result: input.result, reasons: input.reasons, method: input.method, sentAt },
        ctx,
      );
      return appealDecisionLetter(next);
    }
  }
}
