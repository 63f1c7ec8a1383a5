import type { ComplaintCase } from "../../domain/case.js";

/** The columns a board card is read from, derived from the case (written on every insert and update). */
export function boardColumns(c: ComplaintCase): {
  subject: string;
  complainant_name: string | null;
  category: string | null;
  serious: number;
  calendar: string;
} {
  return {
    subject: c.subject,
    complainant_name: c.complainant.name,
    category: c.triage?.category ?? null,
    serious: c.triage?.serious ? 1 : 0,
    calendar: JSON.stringify({
      division: c.policy.division,
      closureDays: c.policy.closureDays,
      officeOpens: c.policy.officeOpens,
      officeCloses: c.policy.officeCloses,
    }),
  };
}
