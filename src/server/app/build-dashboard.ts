import type { PlainDate } from "../domain/calendar/types.js";
import { type DashboardFigures, dashboardFigures } from "../domain/governance/dashboard.js";
import type { Actor } from "../domain/roles.js";
import { calendarFor } from "./case-calendar.js";
import { londonToday } from "./create-meeting.js";
import type { AppDeps } from "./deps.js";
import { everyCase } from "./every-case.js";
import { assertMayReport } from "./governance-guard.js";

export interface BuildDashboardOptions {
  deps: AppDeps;
  actor: Actor;
  /** Complaints received on or after / on or before these London days; no `from`: since the first. */
  from?: PlainDate;
  to?: PlainDate;
}

/**
 * The Reports view's figures, computed from the store. Only aggregates leave this use case, so no single case is
 * disclosed and no per-case read is recorded; the view is limited to directors, the Operations Director and admins.
 */
export async function buildDashboard({ deps, actor, from, to }: BuildDashboardOptions): Promise<DashboardFigures> {
  assertMayReport(actor);
  const today = londonToday(deps);
  const until = to ?? today;
  const [cases, surveys, improvementActions, policy] = await Promise.all([
    everyCase({ deps, today, receivedFrom: from, receivedTo: until }),
    deps.store.listSurveys(),
    deps.store.listImprovementActions(),
    deps.policy.current(),
  ]);
  return dashboardFigures({
    cases,
    surveys,
    improvementActions,
    period: { from: from ?? null, to: until },
    today,
    calendarFor,
    targetWorkingDays: policy.responseWorkingDays,
  });
}
