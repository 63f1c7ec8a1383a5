import type { ComplaintCase } from "../domain/case.js";
import { acknowledgementLetter } from "../domain/letters.js";
import { type AcknowledgeInput, acknowledgeCase as acknowledge } from "../domain/procedure/handling.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { recordLetter } from "./record-letter.js";

export interface AcknowledgeCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: AcknowledgeInput;
}

/** Policy 1.3: the handler tells the complainant it will be investigated and answered within 10 working days. */
export function acknowledgeCase({ deps, actor, caseId, input }: AcknowledgeCaseOptions): Promise<ComplaintCase> {
  return changeCase({
    deps,
    actor,
    caseId,
    action: "acknowledge",
    apply: (c, ctx) => acknowledge(c, input, ctx),
    alsoWrite: (tx, next) =>
      recordLetter({
        deps,
        tx,
        caseRecord: next,
        letter: acknowledgementLetter(next, input.sentAt ?? deps.clock.now()),
        actorId: actor.id,
      }),
  });
}
