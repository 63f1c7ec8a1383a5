import { caseView } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";

export interface FindComplainantCasesOptions {
  deps: AppDeps;
  actor: Actor;
  /** The sender's address, as on the email open in Outlook. */
  from: string;
}

const LIMIT = 5;

/**
 * Open cases from this complainant that the caller may see, so a later email can be added to one. Unlike the
 * message lookup this is no exception to need-to-know: a case the caller may not see is never mentioned, and every
 * case returned is recorded as read.
 */
export async function findComplainantCases({
  deps,
  actor,
  from,
}: FindComplainantCasesOptions): Promise<Array<{ view: "full" | "status"; case: ComplaintCase }>> {
  const address = from.trim().toLowerCase();
  const seesAll = hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Triage");
  const now = deps.clock.now();
  const page = await deps.store.listCases({
    scope: seesAll ? { all: true } : { all: false, userId: actor.id },
    q: address,
    today: londonDateTime(now).date,
    limit: 50,
  });
  const open = page.cases
    .filter((c) => c.stage !== "closed" && c.complainant.email?.toLowerCase() === address)
    .map((c) => ({ view: caseView(actor, c), case: c }))
    .filter((v): v is { view: "full" | "status"; case: ComplaintCase } => v.view !== "none")
    .slice(0, LIMIT);
  await deps.store.recordReads(
    open.map((v) => ({ caseId: v.case.id, actorId: actor.id, at: now.toISOString(), via: "outlook" })),
  );
  return open;
}
