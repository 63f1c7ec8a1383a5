import type { ComplaintCase } from "./case.js";

/** What replaces a person's words. */
export const ERASED = "[erased]";

/** Set on a case whose complainant's details were removed (on request or by retention), so it is not done twice. */
export const ANONYMISED_FLAG = "anonymised";

/**
 * Timeline kinds whose summaries hold only procedural facts (stage, dates, results, category): kept word for word.
 * Every other entry (notes, document names, action descriptions, anything an email brought) loses its words.
 */
export const PROCEDURAL_TIMELINE_KINDS: readonly string[] = [
  "acknowledged",
  "triaged",
  "redirected",
  "director-consulted",
  "outcome-sent",
  "email-accepted",
  "board-informed",
  "board-card-posted",
  "meeting-recorded",
  "appeal-received",
  "appeal-decided",
  "signposted",
  "withdrawn",
  "closed",
  "delivery-retried",
  "anonymised",
];

/**
 * The case with the complainant's identity and every free-text field replaced, keeping the procedural facts the
 * organisation may still need (reference, stages, dates and deadlines, results, category, seriousness, who handled
 * it): "erasure" under data protection that leaves the complaints record whole.
 */
export function anonymiseCase(c: ComplaintCase): ComplaintCase {
  return {
    ...c,
    version: c.version + 1,
    subject: "Complaint (details erased)",
    summary: null,
    complainant: { name: null, email: null, relationship: c.complainant.relationship },
    triage: c.triage
      ? { ...c.triage, nature: ERASED, notes: c.triage.notes === null ? null : ERASED, aboutPersonIds: [] }
      : null,
    actions: c.actions.map((a) => ({
      ...a,
      description: ERASED,
      completionNote: a.completionNote === null ? null : ERASED,
    })),
    consultations: c.consultations.map((r) => ({ ...r, response: ERASED })),
    outcome: c.outcome ? { ...c.outcome, reasons: ERASED, remedy: c.outcome.remedy === null ? null : ERASED } : null,
    meetings: c.meetings.map((m) => ({ ...m, notes: ERASED, minutesDocumentId: null })),
    appeal: c.appeal
      ? { ...c.appeal, grounds: ERASED, lateReason: c.appeal.lateReason === null ? null : ERASED }
      : null,
    appealDecision: c.appealDecision ? { ...c.appealDecision, reasons: ERASED } : null,
    signposts: c.signposts.map((s) => ({ ...s, note: s.note === null ? null : ERASED })),
    boardInformed: c.boardInformed.map((b) => ({ ...b, note: b.note === null ? null : ERASED })),
    closure: c.closure ? { ...c.closure, reason: c.closure.reason === null ? null : ERASED } : null,
    flags: [...new Set([...c.flags, ANONYMISED_FLAG])],
  };
}
