import type { ComplaintCase } from "../domain/case.js";
import { outcomeLetter } from "../domain/letters.js";
import { type OutcomeInput, recordOutcome as outcome } from "../domain/procedure/handling.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { recordLetter } from "./record-letter.js";

export interface RecordOutcomeOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: Omit<OutcomeInput, "directorIds">;
}

/** Policy 1.3: the final outcome in writing; serious complaints only after every director has been consulted. */
export async function recordOutcome({ deps, actor, caseId, input }: RecordOutcomeOptions): Promise<ComplaintCase> {
  const directorIds = (await deps.directory.usersWithRole("Complaints.Direct")).map((u) => u.id);
  return changeCase({
    deps,
    actor,
    caseId,
    action: "outcome",
    apply: (c, ctx) => outcome(c, { ...input, directorIds }, ctx),
    alsoWrite: (tx, next) =>
      recordLetter({ deps, tx, caseRecord: next, letter: outcomeLetter(next), actorId: actor.id }),
  });
}
