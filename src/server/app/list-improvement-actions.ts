import { mayGovern } from "../domain/governance/access.js";
import type { Actor } from "../domain/roles.js";
import type { ImprovementActionRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";

/** Directors and the Operations Director see every improvement action; anyone else, the ones they own. */
export async function listImprovementActions({
  deps,
  actor,
}: {
  deps: AppDeps;
  actor: Actor;
}): Promise<ImprovementActionRecord[]> {
  const all = await deps.store.listImprovementActions();
  return mayGovern(actor) ? all : all.filter((a) => a.ownerId === actor.id);
}
