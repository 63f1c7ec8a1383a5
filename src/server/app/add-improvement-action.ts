import { AppError } from "../domain/app-error.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { Actor } from "../domain/roles.js";
import type { ImprovementActionRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { assertMayGovern } from "./governance-guard.js";

export interface AddImprovementActionOptions {
  deps: AppDeps;
  actor: Actor;
  input: {
    description: string;
    ownerId: string;
    dueDate: PlainDate;
    /** The case it was learned from, if one. */
    caseId?: string | null;
    /** The Operations Meeting that agreed it, if one. */
    meetingId?: string | null;
  };
}

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", message, { issues: [{ path: [field], message }] });

/**
 * Policy aim 6: an improvement to what CMS does, separate from a case's own agreed actions (policy 1.3): it may come
 * from one case or from a meeting, and is tracked to done by its owner.
 */
export async function addImprovementAction({ deps, actor, input }: AddImprovementActionOptions) {
  assertMayGovern(actor);
  const owner = await deps.directory.getUser(input.ownerId);
  if (!owner) throw invalid("ownerId", `${input.ownerId} is not someone in the organisation. Choose someone who is.`);
  if (input.caseId && !(await deps.store.getCase(input.caseId))) throw invalid("caseId", "There is no such case.");
  if (input.meetingId && !(await deps.store.getMeeting(input.meetingId))) {
    throw invalid("meetingId", "There is no such Operations Meeting.");
  }
  const action: ImprovementActionRecord = {
    id: deps.newId(),
    description: input.description.trim(),
    ownerId: owner.id,
    dueDate: input.dueDate,
    caseId: input.caseId ?? null,
    meetingId: input.meetingId ?? null,
    createdAt: deps.clock.now().toISOString(),
    createdBy: actor.id,
    doneAt: null,
    doneBy: null,
    doneNote: null,
  };
  await deps.store.transaction((tx) => tx.insertImprovementAction(action));
  return action;
}
