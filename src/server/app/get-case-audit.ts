import { AppError } from "../domain/app-error.js";
import { mayViewAudit } from "../domain/audit-access.js";
import type { Actor } from "../domain/roles.js";
import type { AuditEntry } from "../ports/case-store.js";
import { auditPage, decodeAuditCursor } from "./audit-cursor.js";
import { notFound } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface GetCaseAuditOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
  limit?: number;
}

/**
 * One case's audit trail for a director: every read (who, when, through what) and every change, newest first.
 * Looking at the trail is itself a read of the case, recorded before the answer, so it appears in the trail too.
 */
export async function getCaseAudit(
  options: GetCaseAuditOptions,
): Promise<{ reference: string; entries: AuditEntry[]; nextCursor: string | null }> {
  const { deps, actor, caseId } = options;
  if (!mayViewAudit(actor)) throw new AppError("FORBIDDEN", "Only directors can see the audit trail.");
  const found = await deps.store.getCase(caseId);
  if (!found) throw notFound();
  const before = decodeAuditCursor(options.cursor);
  await deps.store.recordReads([{ caseId, actorId: actor.id, at: deps.clock.now().toISOString(), via: "audit" }]);
  const limit = options.limit ?? 100;
  const rows = await deps.store.searchAudit({ caseId, before, limit: limit + 1, types: ["read", "change", "access"] });
  return { reference: found.reference, ...auditPage(rows, limit) };
}
