import { formatUkLong } from "./calendar/plain-date.js";
import type { ComplaintCase } from "./case.js";

export interface NextStep {
  /** Plain words: what happens next. */
  what: string;
  /** Who does it: a person's id, or a role when nobody is named yet. */
  who: { personId: string } | { role: string } | null;
}

/** Policy aim 3, "everyone at CMS knows what to do": each case says what happens next and who does it. */
export function nextStep(c: ComplaintCase): NextStep {
  switch (c.stage) {
    case "received":
      return {
        what: `The Operations Director decides the course of action: nature, seriousness and who handles it. Acknowledgement is due by ${formatUkLong(c.acknowledgeDueDate)}.`,
        who: { role: "Complaints.Triage" },
      };
    case "triaged":
      return {
        what: `The handler acknowledges the complaint, saying it will be answered by ${formatUkLong(c.responseDueDate)}.`,
        who: c.triage ? { personId: c.triage.handlerId } : null,
      };
    case "investigating":
      return {
        what:
          c.triage?.serious && c.consultations.length === 0
            ? `The handler investigates; the directors must be consulted before the outcome, due by ${formatUkLong(c.responseDueDate)}.`
            : `The handler investigates and sends the outcome in writing by ${formatUkLong(c.responseDueDate)}.`,
        who: c.triage ? { personId: c.triage.handlerId } : null,
      };
    case "outcome-sent":
      return {
        what: `The Operations Director informs the Board and raises it at the Operations Meeting. The complainant may appeal until ${formatUkLong(c.outcome?.appealDeadline ?? c.responseDueDate)}.`,
        who: { role: "Complaints.Triage" },
      };
    case "appeal":
      return {
        what: `The board member considers the appeal and responds by ${formatUkLong(c.appeal?.responseDueDate ?? c.responseDueDate)}.`,
        who: c.appeal ? { personId: c.appeal.boardMemberId } : null,
      };
    case "appeal-decided":
      return {
        what: "The Operations Director informs the Board of the appeal decision and closes the case. If still unsatisfied, the complainant may go to the awarding organisation.",
        who: { role: "Complaints.Triage" },
      };
    case "closed":
      return { what: "Nothing: the case is closed.", who: null };
  }
}
