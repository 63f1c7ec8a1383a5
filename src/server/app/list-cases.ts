import { type CaseView, caseView } from "../domain/access.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { Stage } from "../domain/stages.js";
import type { CaseListFilter } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";

export interface ListCasesOptions {
  deps: AppDeps;
  actor: Actor;
  filter: CaseFilterInput & { cursor?: string; limit?: number };
}

/** The filters a person can set on a listing or the board. */
export interface CaseFilterInput {
  stage?: Stage;
  handlerId?: string;
  q?: string;
  overdue?: boolean;
  serious?: boolean;
  category?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** Only the cases assigned to the caller. */
  mine?: boolean;
}

/** The store filter for a caller: everything for oversight roles, else only the cases tied to them. */
export function storeFilter(actor: Actor, filter: CaseFilterInput, today: string, limit: number): CaseListFilter {
  const seesAll = hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Triage");
  return {
    scope: seesAll ? { all: true } : { all: false, userId: actor.id },
    stage: filter.stage,
    handlerId: filter.handlerId,
    q: filter.q,
    overdue: filter.overdue,
    serious: filter.serious,
    category: filter.category,
    receivedFrom: filter.receivedFrom,
    receivedTo: filter.receivedTo,
    assignedTo: filter.mine ? actor.id : undefined,
    today,
    limit,
  };
}

export interface CaseListing {
  cases: Array<{ view: Exclude<CaseView, "none">; case: ComplaintCase }>;
  nextCursor: string | null;
}

/** What the caller may see, newest first. Staff see only their own logged cases, and only their status. */
export async function listCases({ deps, actor, filter }: ListCasesOptions): Promise<CaseListing> {
  const now = deps.clock.now();
  const page = await deps.store.listCases({
    ...storeFilter(actor, filter, londonDateTime(now).date, filter.limit ?? 50),
    cursor: filter.cursor,
  });
  const visible = page.cases
    .map((c) => ({ view: caseView(actor, c), case: c }))
    .filter((v): v is CaseListing["cases"][number] => v.view !== "none");
  await deps.store.recordReads(
    visible.map((v) => ({ caseId: v.case.id, actorId: actor.id, at: now.toISOString(), via: "list" })),
  );
  return { cases: visible, nextCursor: page.nextCursor };
}
