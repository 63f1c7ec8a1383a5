import { addDays } from "../domain/calendar/plain-date.js";
import type { PlainDate } from "../domain/calendar/types.js";
import { annualReport } from "../domain/governance/annual-report.js";
import type { Actor } from "../domain/roles.js";
import type { GovernanceDocumentRecord } from "../ports/governance-store.js";
import { buildDashboard } from "./build-dashboard.js";
import { londonToday } from "./create-meeting.js";
import type { AppDeps } from "./deps.js";
import { assertMayGovern } from "./governance-guard.js";
import { governanceFolder, saveGovernanceDocument } from "./save-governance-document.js";

export interface ExportAnnualReportOptions {
  deps: AppDeps;
  actor: Actor;
  /** Default: the year up to `to`. */
  from?: PlainDate;
  /** Default: today. */
  to?: PlainDate;
}

/** The annual complaints report (.docx) for the Board, filed to Directors/Complaints/Reports/. */
export async function exportAnnualReport(options: ExportAnnualReportOptions): Promise<GovernanceDocumentRecord> {
  const { deps, actor } = options;
  assertMayGovern(actor);
  const to = options.to ?? londonToday(deps);
  // A year back and a day on: 1 December 2025 to 30 November 2026.
  const yearBefore = `${Number(to.slice(0, 4)) - 1}${to.endsWith("-02-29") ? "-02-28" : to.slice(4)}`;
  const from = options.from ?? addDays(yearBefore, 1);
  const figures = await buildDashboard({ deps, actor, from, to });
  const policy = await deps.policy.current();
  return saveGovernanceDocument({
    deps,
    actorId: actor.id,
    report: annualReport({ figures, organisationName: policy.organisationName, from, to }),
    kind: "annual-report",
    folder: governanceFolder("Reports"),
    meetingId: null,
  });
}
