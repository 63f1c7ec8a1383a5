import type { ComplaintCase } from "../domain/case.js";
import { outcomeLetter } from "../domain/letters.js";
import { type OutcomeInput, recordOutcome as outcome } from "../domain/procedure/handling.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { recordLetter } from "./record-letter.js";
import { newSurveyToken, surveyUrl } from "./survey-token.js";

export interface RecordOutcomeOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: Omit<OutcomeInput, "directorIds">;
}

/**
 * Policy 1.3: the final outcome in writing; serious complaints only after every director has been consulted. The
 * letter links the satisfaction survey, whose token is made in the same transaction (one survey per case).
 */
export async function recordOutcome({ deps, actor, caseId, input }: RecordOutcomeOptions): Promise<ComplaintCase> {
  const directorIds = (await deps.directory.usersWithRole("Complaints.Direct")).map((u) => u.id);
  const survey = deps.publicUrl ? newSurveyToken() : null;
  return changeCase({
    deps,
    actor,
    caseId,
    action: "outcome",
    apply: (c, ctx) => outcome(c, { ...input, directorIds }, ctx),
    alsoWrite: async (tx, next) => {
      if (survey) await tx.insertSurvey(next.id, survey.hash, deps.clock.now().toISOString());
      const url = survey && deps.publicUrl ? surveyUrl(deps.publicUrl, survey.token) : undefined;
      return recordLetter({
        deps,
        tx,
        caseRecord: next,
        letter: outcomeLetter(next, { surveyUrl: url }),
        actorId: actor.id,
      });
    },
  });
}
