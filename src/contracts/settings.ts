/**
 * The admin settings, data protection and public form bodies: shared by the server (validation, OpenAPI) and the
 * Teams tab. Every rule an admin can break has a field path and plain words, so the form shows each beside its field.
 */
import { z } from "zod";
import { UK_DIVISIONS } from "../server/domain/calendar/types.js";
import { LETTER_BLOCKS, type LetterBlock, letterBlockProblems } from "../server/domain/letter-templates.js";
import { MIN_RETENTION_YEARS } from "../server/domain/settings.js";
import { ZRelationship } from "./api.js";

const workingDays = (min: number, max: number) =>
  z
    .number({ message: "Enter a whole number of working days." })
    .int("Enter a whole number of working days.")
    .min(min, `At least ${min}.`)
    .max(max, `At most ${max}.`);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 09:00.");
/** A real calendar day: 2026-02-30 matches the pattern but is refused. */
const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-24.")
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, "This is not a real date.");
const name = (max: number) => z.string().trim().min(1, "Required.").max(max, `At most ${max} characters.`);

const letterBlock = z.string().trim().min(1, "Required.").max(4000, "At most 4,000 characters.");
const ZLetterTemplates = z
  .object({
    acknowledgementBody: letterBlock,
    outcomeOpening: letterBlock,
    outcomeAppealRoute: letterBlock,
    outcomeAwardingOrganisation: letterBlock,
    appealDecisionOpening: letterBlock,
    appealDecisionClosing: letterBlock,
  } satisfies Record<LetterBlock, z.ZodType>)
  .strict()
  .superRefine((templates, ctx) => {
    for (const block of LETTER_BLOCKS) {
      const text = (templates as Record<LetterBlock, string | undefined>)[block];
      if (typeof text !== "string") continue;
      for (const message of letterBlockProblems(block, text)) ctx.addIssue({ code: "custom", path: [block], message });
    }
  });

const unique = (values: readonly string[]) => new Set(values.map((v) => v.toLowerCase())).size === values.length;

export const ZSettings = z
  .object({
    acknowledgeWorkingDays: workingDays(1, 20),
    responseWorkingDays: workingDays(1, 60),
    responseClockStartsAt: z.enum(["receipt", "acknowledgement"]),
    appealWindowWorkingDays: workingDays(1, 60),
    appealResponseWorkingDays: workingDays(1, 60),
    postalDeliveryWorkingDays: workingDays(0, 10),
    division: z.enum(UK_DIVISIONS),
    officeOpens: hhmm,
    officeCloses: hhmm,
    closureDays: z
      .array(realDate)
      .max(200)
      .refine(unique, "A closure day is listed twice.")
      .transform((days) => [...days].sort()),
    organisationName: name(200),
    complaintsEmail: z.email("Enter an email address like complaints@example.org."),
    categories: z
      .array(name(100))
      .min(1, "Keep at least one category.")
      .max(50)
      .refine(unique, "A category is listed twice."),
    awardingOrganisations: z
      .array(z.object({ name: name(200), complaintsContact: name(500) }).strict())
      .max(50)
      .refine((list) => unique(list.map((a) => a.name)), "An awarding organisation is listed twice."),
    letterTemplates: ZLetterTemplates,
    policyReviewDate: realDate,
    retention: z
      .object({
        years: z
          .number()
          .int("Enter a whole number of years.")
          .min(MIN_RETENTION_YEARS, `Keep complaints at least ${MIN_RETENTION_YEARS} years after closure.`)
          .max(100),
        action: z.enum(["delete", "anonymise"]),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.officeOpens >= s.officeCloses) {
      ctx.addIssue({ code: "custom", path: ["officeCloses"], message: "The office must close after it opens." });
    }
  });
export type TSettings = z.infer<typeof ZSettings>;

/** PUT /api/admin/settings: the whole settings, and the version they were edited from (two admins at once). */
export const ZSaveSettingsRequest = z
  .object({
    basedOnVersion: z.number().int().min(1),
    settings: ZSettings,
  })
  .strict();

/** POST /api/data-protection/erasure: one complainant, by email address or by one case. */
export const ZErasureRequest = z
  .object({
    email: z.email("Enter an email address.").optional(),
    caseId: z.string().trim().min(1).max(100).optional(),
    /** Why (the request's own reference, e.g. "Erasure request received 3 March"): kept in the log. */
    reason: z.string().trim().min(1, "Say why (e.g. the request you received).").max(500),
  })
  .strict()
  .refine((r) => Boolean(r.email) !== Boolean(r.caseId), "Give an email address or a case, not both.");

/** POST /api/data-protection/subject-access: everything held about one person. */
export const ZSubjectAccessRequest = z
  .object({
    email: z.email("Enter an email address.").optional(),
    name: z.string().trim().min(2).max(200).optional(),
  })
  .strict()
  .refine((r) => r.email || r.name, "Give the person's email address or name.");

/** Public form limits: generous for a real complaint, small enough that nobody can fill the database. */
export const PUBLIC_FORM_LIMITS = { name: 200, email: 320, whatHappened: 10_000, whatTheyWant: 4_000 } as const;

/** POST /api/public/complaints (JSON, or the same fields form-encoded by the page without JavaScript). */
export const ZPublicComplaint = z
  .object({
    name: z.string().trim().min(1, "Tell us your name.").max(PUBLIC_FORM_LIMITS.name),
    email: z.email("Enter an email address we can reply to.").max(PUBLIC_FORM_LIMITS.email),
    relationship: ZRelationship.exclude(["unknown"]),
    whatHappened: z
      .string()
      .trim()
      .min(10, "Tell us what happened (at least a sentence).")
      .max(PUBLIC_FORM_LIMITS.whatHappened),
    whatTheyWant: z.string().trim().max(PUBLIC_FORM_LIMITS.whatTheyWant).optional().default(""),
    /** Signed when the form was served: proves the form was fetched, and when. */
    formToken: z.string().min(1).max(500),
    /** The honeypot: hidden from people, filled in by bots. Must arrive empty. */
    website: z.string().max(500).optional().default(""),
  })
  .strict();
export type TPublicComplaint = z.infer<typeof ZPublicComplaint>;
