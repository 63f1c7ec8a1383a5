import type { WorkingDayCalendar } from "../calendar/working-day-calendar.js";
import type { CaseSource, Channel, Complainant, ComplaintCase } from "../case.js";
import type { PolicySettings } from "../policy.js";

export interface ReceiveComplaintInput {
  id: string;
  reference: string;
  channel: Channel;
  subject: string;
  summary: string | null;
  complainant: Complainant;
  source: CaseSource;
  /** The actual instant the complaint reached CMS. */
  receivedAt: Date;
  loggedBy: string;
  loggedAt: Date;
  policy: PolicySettings;
  calendar: WorkingDayCalendar;
}

/**
 * A new case at stage `received`, with its deadlines. The response clock starts at receipt unless the policy says
 * it starts at the acknowledgement; until then the receipt-based date stands as the earliest possible reading.
 */
export function receiveComplaint(input: ReceiveComplaintInput): ComplaintCase {
  const { calendar, policy } = input;
  const deemed = calendar.deemedReceiptDate(input.receivedAt);
  return {
    id: input.id,
    reference: input.reference,
    stage: "received",
    version: 1,
    channel: input.channel,
    subject: input.subject,
    summary: input.summary,
    complainant: input.complainant,
    source: input.source,
    receivedAt: input.receivedAt.toISOString(),
    deemedReceivedOn: deemed,
    acknowledgeDueDate: calendar.addWorkingDays(deemed, policy.acknowledgeWorkingDays),
    responseDueDate: calendar.addWorkingDays(deemed, policy.responseWorkingDays),
    loggedBy: input.loggedBy,
    loggedAt: input.loggedAt.toISOString(),
    policy,
    triage: null,
    acknowledgement: null,
    actions: [],
    consultations: [],
    outcome: null,
    boardInformed: [],
    meetings: [],
    appeal: null,
    appealDecision: null,
    signposts: [],
    closure: null,
    flags: [],
  };
}
