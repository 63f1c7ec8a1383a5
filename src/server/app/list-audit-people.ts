import { AppError } from "../domain/app-error.js";
import { mayViewAudit } from "../domain/audit-access.js";
import type { Actor } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";

/** Everyone who appears in the audit trail, with their names where the directory knows them: the person filter. */
export async function listAuditPeople(options: {
  deps: AppDeps;
  actor: Actor;
}): Promise<Array<{ id: string; name: string | null }>> {
  const { deps, actor } = options;
  if (!mayViewAudit(actor)) throw new AppError("FORBIDDEN", "Only directors can see the audit trail.");
  const ids = await deps.store.auditActors();
  const people = await Promise.all(
    ids.map(async (id) => ({ id, name: (await deps.directory.getUser(id).catch(() => null))?.name ?? null })),
  );
  return people.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, "en-GB"));
}
