import { londonDateTime } from "../calendar/plain-date.js";
import type { CalendarSettings, PlainDate } from "../calendar/types.js";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar.js";
import { CHANNELS, type Channel, type ComplaintCase, OUTCOME_RESULTS, type OutcomeResult } from "../case.js";
import { ROOT_CAUSES, type RootCause } from "../learning.js";

/** A share: how many of how many, and the percentage (one decimal), null when there is nothing to count. */
export interface Share {
  count: number;
  of: number;
  percent: number | null;
}

export interface SurveyAnswersLike {
  easeOfComplaining: number;
  keptInformed: number;
  fairness: number;
  onTime: "yes" | "no" | "not-sure";
}

/** Every figure of the Reports view: aggregates only — no names, no case content (need to know). */
export interface DashboardFigures {
  period: { from: PlainDate | null; to: PlainDate };
  /** Complaints received in the period (redirected ones are counted apart: they were not complaints). */
  received: number;
  redirected: number;
  withdrawn: number;
  byMonth: Array<{ month: string; count: number }>;
  byCategory: Array<{ category: string; count: number }>;
  byChannel: Array<{ channel: Channel; count: number }>;
  acknowledgedOnTime: Share;
  answeredWithinTarget: Share;
  /** The response target in working days (policy 1.3: 10). */
  targetWorkingDays: number;
  medianWorkingDaysToOutcome: number | null;
  outcomes: Array<{ result: OutcomeResult; count: number }>;
  appealRate: Share;
  overturnRate: Share;
  escalations: { cases: number; byAwardingOrganisation: Array<{ name: string; count: number }> };
  rootCauses: Array<{ rootCause: RootCause; count: number }>;
  learningRecorded: Share;
  improvementActions: { open: number; overdue: number; done: number };
  survey: {
    invited: number;
    responses: number;
    responseRate: Share;
    averages: { easeOfComplaining: number | null; keptInformed: number | null; fairness: number | null };
    onTime: { yes: number; no: number; notSure: number };
  };
}

export const share = (count: number, of: number): Share => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count / of) * 1000) / 10,
});

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

const dayOf = (iso: string): PlainDate => londonDateTime(new Date(iso)).date;

function counted<K extends string>(keys: Iterable<K>): Map<K, number> {
  return new Map([...keys].map((k) => [k, 0]));
}

/**
 * The figures for complaints received in the period. Working days are counted on each case's own calendar (its
 * division's bank holidays and closure days at the time it was received).
 */
export function dashboardFigures(options: {
  cases: readonly ComplaintCase[];
  surveys: ReadonlyArray<{ caseId: string; answers: SurveyAnswersLike | null }>;
  improvementActions: ReadonlyArray<{ dueDate: PlainDate; doneAt: string | null }>;
  period: { from: PlainDate | null; to: PlainDate };
  today: PlainDate;
  calendarFor: (settings: CalendarSettings) => WorkingDayCalendar;
  targetWorkingDays: number;
}): DashboardFigures {
  const { today } = options;
  const all = options.cases;
  const redirected = all.filter((c) => c.closure?.kind === "redirected");
  const complaints = all.filter((c) => c.closure?.kind !== "redirected");
  const byMonth = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byChannel = counted<Channel>(CHANNELS);
  const outcomes = counted<OutcomeResult>(OUTCOME_RESULTS);
  const rootCauses = counted<RootCause>(ROOT_CAUSES);
  const escalationsByAo = new Map<string, number>();
  let ackOnTime = 0;
  let ackOf = 0;
  let answeredOnTime = 0;
  let answeredOf = 0;
  let appeals = 0;
  let decisions = 0;
  let overturned = 0;
  let escalated = 0;
  let learning = 0;
  const toOutcome: number[] = [];

  for (const c of complaints) {
    const month = dayOf(c.receivedAt).slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    const category = c.triage?.category ?? "Not yet triaged";
    byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + 1);
    const withdrawnBefore = (due: PlainDate) => c.closure?.kind === "withdrawn" && dayOf(c.closure.at) <= due;

    // Acknowledged on time: counted once it was sent or once it became late; not for a complaint withdrawn first.
    if (c.acknowledgement) {
      ackOf++;
      if (dayOf(c.acknowledgement.sentAt) <= c.acknowledgeDueDate) ackOnTime++;
    } else if (c.acknowledgeDueDate < today && !withdrawnBefore(c.acknowledgeDueDate)) {
      ackOf++;
    }
    // Answered within the target: the outcome sent on or before the response due date.
    if (c.outcome) {
      answeredOf++;
      const sentOn = dayOf(c.outcome.sentAt);
      if (sentOn <= c.responseDueDate) answeredOnTime++;
      toOutcome.push(options.calendarFor(c.policy).workingDaysBetween(c.deemedReceivedOn, sentOn));
      outcomes.set(c.outcome.result, (outcomes.get(c.outcome.result) ?? 0) + 1);
      if (c.outcome.learning) {
        learning++;
        rootCauses.set(c.outcome.learning.rootCause, (rootCauses.get(c.outcome.learning.rootCause) ?? 0) + 1);
      }
    } else if (c.responseDueDate < today && !withdrawnBefore(c.responseDueDate)) {
      answeredOf++;
    }
    if (c.appeal) appeals++;
    if (c.appealDecision) {
      decisions++;
      // An appeal upheld in whole or part overturns (some of) the original outcome.
      if (c.appealDecision.result !== "not-upheld") overturned++;
    }
    if (c.signposts.length > 0) {
      escalated++;
      for (const name of new Set(c.signposts.map((s) => s.awardingOrganisation))) {
        escalationsByAo.set(name, (escalationsByAo.get(name) ?? 0) + 1);
      }
    }
  }

  const ids = new Set(complaints.map((c) => c.id));
  const surveys = options.surveys.filter((s) => ids.has(s.caseId));
  const answered = surveys.flatMap((s) => (s.answers ? [s.answers] : []));
  const outcomeCount = [...outcomes.values()].reduce((a, b) => a + b, 0);
  const open = options.improvementActions.filter((a) => a.doneAt === null);

  return {
    period: options.period,
    received: complaints.length,
    redirected: redirected.length,
    withdrawn: complaints.filter((c) => c.closure?.kind === "withdrawn").length,
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
    byCategory: [...byCategory]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([category, count]) => ({ category, count })),
    byChannel: [...byChannel].map(([channel, count]) => ({ channel, count })),
    acknowledgedOnTime: share(ackOnTime, ackOf),
    answeredWithinTarget: share(answeredOnTime, answeredOf),
    targetWorkingDays: options.targetWorkingDays,
    medianWorkingDaysToOutcome: median(toOutcome),
    outcomes: [...outcomes].map(([result, count]) => ({ result, count })),
    appealRate: share(appeals, outcomeCount),
    overturnRate: share(overturned, decisions),
    escalations: {
      cases: escalated,
      byAwardingOrganisation: [...escalationsByAo].map(([name, count]) => ({ name, count })),
    },
    rootCauses: [...rootCauses].map(([rootCause, count]) => ({ rootCause, count })),
    learningRecorded: share(learning, outcomeCount),
    improvementActions: {
      open: open.length,
      overdue: open.filter((a) => a.dueDate < today).length,
      done: options.improvementActions.length - open.length,
    },
    survey: {
      invited: surveys.length,
      responses: answered.length,
      responseRate: share(answered.length, surveys.length),
      averages: {
        easeOfComplaining: average(answered.map((a) => a.easeOfComplaining)),
        keptInformed: average(answered.map((a) => a.keptInformed)),
        fairness: average(answered.map((a) => a.fairness)),
      },
      onTime: {
        yes: answered.filter((a) => a.onTime === "yes").length,
        no: answered.filter((a) => a.onTime === "no").length,
        notSure: answered.filter((a) => a.onTime === "not-sure").length,
      },
    },
  };
}
