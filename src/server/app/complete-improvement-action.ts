import { AppError } from "../domain/app-error.js";
import { mayGovern } from "../domain/governance/access.js";
import type { Actor } from "../domain/roles.js";
import type { ImprovementActionRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";

export interface CompleteImprovementActionOptions {
  deps: AppDeps;
  actor: Actor;
  actionId: string;
  note?: string | null;
}

/** Marks an improvement action done: by its owner, or by a director or the Operations Director. */
export async function completeImprovementAction(
  options: CompleteImprovementActionOptions,
): Promise<ImprovementActionRecord> {
  const { deps, actor, actionId } = options;
  const action = await deps.store.getImprovementAction(actionId);
  if (!action || (!mayGovern(actor) && action.ownerId !== actor.id)) {
    throw new AppError("NOT_FOUND", "There is no such improvement action, or it is not yours.");
  }
  const done = { at: deps.clock.now().toISOString(), by: actor.id, note: options.note?.trim() || null };
  const changed = await deps.store.transaction((tx) => tx.completeImprovementAction(actionId, done));
  if (!changed) throw new AppError("ILLEGAL_TRANSITION", "This improvement action is already marked as done.");
  return { ...action, doneAt: done.at, doneBy: done.by, doneNote: done.note };
}
