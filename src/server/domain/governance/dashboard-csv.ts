import { ROOT_CAUSE_LABELS } from "../learning.js";
import type { DashboardFigures, Share } from "./dashboard.js";

const RESULT: Record<string, string> = {
  upheld: "Upheld",
  "partly-upheld": "Partly upheld",
  "not-upheld": "Not upheld",
};
const CHANNEL: Record<string, string> = { email: "Email", post: "Post", web: "Web form" };

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The dashboard's figures as CSV: one row per figure (section, measure, value, of, percent). Aggregates only — the
 * same need-to-know line as the view.
 */
export function dashboardCsv(f: DashboardFigures): string {
  const rows: Array<Array<string | number | null>> = [["section", "measure", "value", "of", "percent"]];
  const add = (section: string, measure: string, value: number | null) =>
    rows.push([section, measure, value, null, null]);
  const addShare = (section: string, measure: string, s: Share) =>
    rows.push([section, measure, s.count, s.of, s.percent]);
  add("period", `from ${f.period.from ?? "the first complaint"} to ${f.period.to}`, null);
  add("volume", "complaints received", f.received);
  add("volume", "redirected (not complaints)", f.redirected);
  add("volume", "withdrawn", f.withdrawn);
  for (const m of f.byMonth) add("by month", m.month, m.count);
  for (const c of f.byCategory) add("by category", c.category, c.count);
  for (const c of f.byChannel) add("by channel", CHANNEL[c.channel] ?? c.channel, c.count);
  addShare("timeliness", "acknowledged on time", f.acknowledgedOnTime);
  addShare("timeliness", `answered within ${f.targetWorkingDays} working days`, f.answeredWithinTarget);
  add("timeliness", "median working days to outcome", f.medianWorkingDaysToOutcome);
  for (const o of f.outcomes) add("outcomes", RESULT[o.result] ?? o.result, o.count);
  addShare("appeals", "appeal rate (appeals per outcome)", f.appealRate);
  addShare("appeals", "overturn rate (appeals upheld in whole or part)", f.overturnRate);
  add("escalations", "cases signposted to an awarding organisation", f.escalations.cases);
  for (const e of f.escalations.byAwardingOrganisation) add("escalations", e.name, e.count);
  for (const r of f.rootCauses) add("root causes", ROOT_CAUSE_LABELS[r.rootCause], r.count);
  addShare("learning", "outcomes with lessons learned recorded", f.learningRecorded);
  add("improvement actions", "open", f.improvementActions.open);
  add("improvement actions", "open and overdue", f.improvementActions.overdue);
  add("improvement actions", "done", f.improvementActions.done);
  add("survey", "invited", f.survey.invited);
  addShare("survey", "responses", f.survey.responseRate);
  add("survey", "average: ease of complaining (1-5)", f.survey.averages.easeOfComplaining);
  add("survey", "average: kept informed (1-5)", f.survey.averages.keptInformed);
  add("survey", "average: fairness (1-5)", f.survey.averages.fairness);
  add("survey", "answered on time: yes", f.survey.onTime.yes);
  add("survey", "answered on time: no", f.survey.onTime.no);
  add("survey", "answered on time: not sure", f.survey.onTime.notSure);
  // CRLF line ends (RFC 4180), which Excel expects.
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
