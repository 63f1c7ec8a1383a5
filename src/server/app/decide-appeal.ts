import type { ComplaintCase } from "../domain/case.js";
import { appealDecisionLetter } from "../domain/letters.js";
import { type AppealDecisionInput, decideAppeal as decide } from "../domain/procedure/appeal.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { recordLetter } from "./record-letter.js";

export interface DecideAppealOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: AppealDecisionInput;
}

/** Policy 2.2: the board member considers the appeal and responds. */
export function decideAppeal({ deps, actor, caseId, input }: DecideAppealOptions): Promise<ComplaintCase> {
  return changeCase({
    deps,
    actor,
    caseId,
    action: "appeal-decision",
    apply: (c, ctx) => decide(c, input, ctx),
    alsoWrite: (tx, next) =>
      recordLetter({ deps, tx, caseRecord: next, letter: appealDecisionLetter(next), actorId: actor.id }),
  });
}
