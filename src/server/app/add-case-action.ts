import type { ComplaintCase } from "../domain/case.js";
import { type AddActionInput, addAction } from "../domain/procedure/handling.js";
import type { Actor } from "../domain/roles.js";
import { assertMayEverTake, changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { requirePersonWithRole } from "./directory-checks.js";

export interface AddCaseActionOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: Omit<AddActionInput, "ownerId"> & { ownerId?: string };
}

/** Policy 1.3: agreed future actions and timescales, documented. The owner defaults to the person recording it. */
export async function addCaseAction({ deps, actor, caseId, input }: AddCaseActionOptions): Promise<ComplaintCase> {
  assertMayEverTake(actor, "add-action");
  const ownerId = input.ownerId ?? actor.id;
  if (ownerId !== actor.id) {
    await requirePersonWithRole(deps.directory, {
      id: ownerId,
      role: "Complaints.Log",
      field: "ownerId",
      what: "a member of staff",
    });
  }
  return changeCase({
    deps,
    actor,
    caseId,
    action: "add-action",
    apply: (c, ctx) => addAction(c, { ...input, ownerId }, ctx),
  });
}
