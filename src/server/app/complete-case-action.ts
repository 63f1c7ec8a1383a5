import type { ComplaintCase } from "../domain/case.js";
import { completeAction } from "../domain/procedure/handling.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface CompleteCaseActionOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  actionId: string;
  note?: string | null;
}

export function completeCaseAction({
  deps,
  actor,
  caseId,
  actionId,
  note,
}: CompleteCaseActionOptions): Promise<ComplaintCase> {
  return changeCase({
    deps,
    actor,
    caseId,
    action: "complete-action",
    apply: (c, ctx) => completeAction(c, { actionId, note }, ctx),
  });
}
