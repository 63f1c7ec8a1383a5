import type { TAuditSearchQuery } from "../../contracts/audit.js";
import { AppError } from "../domain/app-error.js";
import { mayViewAudit } from "../domain/audit-access.js";
import { addDays } from "../domain/calendar/plain-date.js";
import type { PlainDate } from "../domain/calendar/types.js";
import type { Actor } from "../domain/roles.js";
import type { AuditEntry } from "../ports/case-store.js";
import { auditPage, decodeAuditCursor } from "./audit-cursor.js";
import type { AppDeps } from "./deps.js";
import { londonDayStart } from "./london-day.js";

export interface SearchAuditOptions {
  deps: AppDeps;
  actor: Actor;
  query: TAuditSearchQuery;
}

/**
 * The organisation-wide audit trail for directors: who read or changed which case, and when, by person and by
 * London day. The search itself is recorded (who searched for what), so watching the watchers needs no more code.
 */
export async function searchAudit({
  deps,
  actor,
  query,
}: SearchAuditOptions): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  if (!mayViewAudit(actor)) throw new AppError("FORBIDDEN", "Only directors can see the audit trail.");
  const before = decodeAuditCursor(query.cursor);
  const limit = query.limit ?? 100;
  await deps.store.recordAccess({
    actorId: actor.id,
    at: deps.clock.now().toISOString(),
    kind: "audit-search",
    caseId: null,
    detail: { actor: query.actor ?? null, from: query.from ?? null, to: query.to ?? null, type: query.type ?? null },
  });
  const rows = await deps.store.searchAudit({
    actorId: query.actor,
    from: query.from ? londonDayStart(query.from) : undefined,
    to: query.to ? londonDayStart(addDays(query.to as PlainDate, 1)) : undefined,
    types: query.type ? [query.type] : undefined,
    before,
    limit: limit + 1,
  });
  return auditPage(rows, limit);
}
