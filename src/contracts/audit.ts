/**
 * The audit trail (DESIGN.md §1: every read of a case is recorded; directors can see who read and changed what).
 * Shared by the server (validation, OpenAPI) and the Teams tab.
 */
import { z } from "zod";

const plainDate = z.iso.date({ message: "Use a date like 2026-11-25." });

/** GET /api/audit — the organisation-wide trail: by person, by date (Europe/London days), newest first. */
export const ZAuditSearchQuery = z
  .object({
    /** The person's id (as in /api/audit/people). */
    actor: z.string().trim().min(1).max(200).optional(),
    /** From the start of this London day / to the end of this London day. */
    from: plainDate.optional(),
    to: plainDate.optional(),
    /** Only reads, only changes, or only other accesses (audit searches, exports, reports). */
    type: z.enum(["read", "change", "access"]).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });
export type TAuditSearchQuery = z.infer<typeof ZAuditSearchQuery>;

/** GET /api/cases/{id}/audit — one case's trail, newest first, in pages. */
export const ZCaseAuditQuery = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

/** One line of the trail as the tab shows it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string;
  actorName: string | null;
  caseId: string | null;
  reference: string | null;
  type: "read" | "change" | "access";
  /** A read's route (`case`, `list`, `board`, `document:<id>`, `email:<id>`, …), a change's kind, an access's kind. */
  how: string;
  summary: string | null;
}

export interface AuditPageView {
  entries: AuditEntryView[];
  nextCursor: string | null;
}
