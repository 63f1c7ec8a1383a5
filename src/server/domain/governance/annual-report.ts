import { formatUkLong } from "../calendar/plain-date.js";
import { ROOT_CAUSE_LABELS } from "../learning.js";
import type { DashboardFigures, Share } from "./dashboard.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

export type Rating = "Met" | "Partly met" | "Not met" | "For the Board to judge";

/** One aim of the policy ("Our policy is:"), the evidence Redress holds, and a rating the Board can challenge. */
export interface AimAssessment {
  aim: string;
  evidence: string[];
  rating: Rating;
  /** Why this rating: the rule applied, so the Board can see how it was reached. */
  basis: string;
}

const pct = (s: Share) => (s.percent === null ? "no cases to count" : `${s.percent}% (${s.count} of ${s.of})`);
const by = (value: number | null, met: number, partly: number): Rating =>
  value === null ? "For the Board to judge" : value >= met ? "Met" : value >= partly ? "Partly met" : "Not met";
const worst = (...ratings: Rating[]): Rating =>
  (["Not met", "Partly met", "For the Board to judge", "Met"] as const).find((r) => ratings.includes(r)) ?? "Met";

/**
 * A self-assessment against each aim of the policy. Thresholds are stated in `basis`: 90% or more on time is met,
 * 75% partly; survey averages of 4 out of 5 met, 3 partly. Where Redress holds no evidence the Board judges.
 */
export function assessAims(f: DashboardFigures): AimAssessment[] {
  const s = f.survey;
  return [
    {
      aim: "To provide a fair complaints procedure which is clear and easy to use for anyone wishing to make a complaint",
      evidence: [
        `Complaints received: ${f.received} (${f.byChannel.map((c) => `${c.channel} ${c.count}`).join(", ")}).`,
        `Survey — ease of complaining: ${s.averages.easeOfComplaining ?? "no responses"} out of 5; fairness: ${s.averages.fairness ?? "no responses"} out of 5 (${s.responses} responses).`,
      ],
      rating: by(s.averages.easeOfComplaining, 4, 3),
      basis: "The survey's average for ease of complaining: 4 or more is met, 3 or more partly met.",
    },
    {
      aim: "To publicise the existence of our complaints procedure so that people know how to contact us to make a complaint",
      evidence: [
        `Complaints arrived by ${
          f.byChannel
            .filter((c) => c.count > 0)
            .map((c) => c.channel)
            .join(", ") || "no channel"
        }.`,
        "Redress does not hold where the procedure is published (website, learner handbook, contracts).",
      ],
      rating: "For the Board to judge",
      basis: "Publicity is outside what Redress records.",
    },
    {
      aim: "To make sure everyone at CMS knows what to do if a complaint is received",
      evidence: [
        `Acknowledged on time: ${pct(f.acknowledgedOnTime)}.`,
        `Redirected as not complaints or staff grievances: ${f.redirected}.`,
      ],
      rating: by(f.acknowledgedOnTime.percent, 90, 75),
      basis: "Acknowledgements on time show complaints reached the right person promptly: 90% met, 75% partly met.",
    },
    {
      aim: "To make sure all complaints are investigated fairly and in a timely way",
      evidence: [
        `Answered within ${f.targetWorkingDays} working days: ${pct(f.answeredWithinTarget)}.`,
        `Median working days to outcome: ${f.medianWorkingDaysToOutcome ?? "no outcomes"}.`,
        `Appeals overturned in whole or part: ${pct(f.overturnRate)}.`,
      ],
      rating: by(f.answeredWithinTarget.percent, 90, 75),
      basis: "Outcomes within the policy's 10 working days: 90% met, 75% partly met.",
    },
    {
      aim: "To make sure that complaints are, wherever possible, resolved and that relationships are repaired",
      evidence: [
        `Outcomes: ${f.outcomes.map((o) => `${o.result} ${o.count}`).join(", ")}.`,
        `Appeal rate: ${pct(f.appealRate)}. Escalated to an awarding organisation: ${f.escalations.cases}.`,
        `Survey — kept informed: ${s.averages.keptInformed ?? "no responses"} out of 5.`,
      ],
      rating:
        f.appealRate.percent === null
          ? "For the Board to judge"
          : f.appealRate.percent <= 10 && f.escalations.cases === 0
            ? "Met"
            : f.appealRate.percent <= 25
              ? "Partly met"
              : "Not met",
      basis:
        "Few appeals and no escalations suggest resolution: appeals on 10% or fewer of outcomes and no escalations met; 25% partly met.",
    },
    {
      aim: "To gather information which helps us to improve what we do",
      evidence: [
        `Outcomes with root cause and lessons learned: ${pct(f.learningRecorded)}.`,
        `Root causes: ${
          f.rootCauses
            .filter((r) => r.count > 0)
            .map((r) => `${ROOT_CAUSE_LABELS[r.rootCause]} ${r.count}`)
            .join(", ") || "none recorded"
        }.`,
        `Improvement actions: ${f.improvementActions.done} done, ${f.improvementActions.open} open (${f.improvementActions.overdue} overdue).`,
      ],
      rating: worst(by(f.learningRecorded.percent, 100, 75), f.improvementActions.overdue === 0 ? "Met" : "Partly met"),
      basis: "Lessons recorded on every outcome and no improvement action overdue is met.",
    },
  ];
}

/** The annual complaints report for the Board (policy: "Overall responsibility … lies with the CMS board"). */
export function annualReport(options: {
  figures: DashboardFigures;
  organisationName: string;
  from: string;
  to: string;
}): ReportDocument {
  const f = options.figures;
  const aims = assessAims(f);
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `${options.organisationName}: complaints received from ${formatUkLong(options.from)} to ${formatUkLong(options.to)}. Figures are aggregates: no complainant is named.`,
    },
    { kind: "heading", text: "Summary" },
    {
      kind: "table",
      caption: "Summary",
      columns: ["Measure", "Figure"],
      rows: [
        ["Complaints received", String(f.received)],
        ["Redirected (not complaints)", String(f.redirected)],
        ["Withdrawn", String(f.withdrawn)],
        ["Acknowledged on time", pct(f.acknowledgedOnTime)],
        [`Answered within ${f.targetWorkingDays} working days`, pct(f.answeredWithinTarget)],
        ["Median working days to outcome", String(f.medianWorkingDaysToOutcome ?? "—")],
        ...f.outcomes.map((o) => [`Outcome: ${o.result}`, String(o.count)]),
        ["Appeal rate", pct(f.appealRate)],
        ["Overturn rate", pct(f.overturnRate)],
        ["Escalations to awarding organisations", String(f.escalations.cases)],
        ["Survey responses", pct(f.survey.responseRate)],
      ],
    },
    { kind: "heading", text: "Complaints by category" },
    {
      kind: "table",
      caption: "By category",
      columns: ["Category", "Complaints"],
      rows: f.byCategory.map((c) => [c.category, String(c.count)]),
    },
    { kind: "heading", text: "Self-assessment against the aims of the policy" },
    {
      kind: "table",
      caption: "Self-assessment",
      columns: ["Aim", "Rating"],
      rows: aims.map((a) => [a.aim, a.rating]),
    },
    ...aims.flatMap((a, i): ReportBlock[] => [
      { kind: "heading", text: `Aim ${i + 1}: ${a.aim}` },
      { kind: "bullets", items: a.evidence },
      { kind: "paragraph", text: `Rating: ${a.rating}. ${a.basis}` },
    ]),
    { kind: "heading", text: "Confidentiality" },
    {
      kind: "paragraph",
      text: "Complaint information is seen only by those who need to know: handlers see their own cases, board members the appeals assigned to them, and every read of a case is recorded.",
    },
  ];
  return {
    title: "Annual complaints report to the Board",
    baseName: `Annual complaints report ${options.from} to ${options.to}`,
    blocks,
  };
}
