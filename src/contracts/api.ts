/**
 * Request bodies of the API, shared by the server (validation, OpenAPI) and the clients. `Z*` are schemas, `T*` the
 * types they infer. Dates are `YYYY-MM-DD` (Europe/London); instants are ISO 8601 with an offset.
 */
import { z } from "zod";
import { ROOT_CAUSES } from "../server/domain/learning.js";
import { PERSONA_NAMES } from "./personas.js";

export { PERSONA_NAMES } from "./personas.js";

const text = (max: number) => z.string().trim().min(1, "Required.").max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const plainDate = z.iso.date({ message: "Use a date like 2026-11-25." });
const instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date and time, e.g. 2026-11-25T14:30:00Z." });
const personId = z.string().trim().min(1).max(200);

export const ZStage = z.enum([
  "received",
  "triaged",
  "investigating",
  "outcome-sent",
  "appeal",
  "appeal-decided",
  "closed",
]);
export const ZRelationship = z.enum(["learner", "employer", "parent-or-guardian", "awarding-body", "other", "unknown"]);
export const ZOutcomeResult = z.enum(["upheld", "partly-upheld", "not-upheld"]);
export const ZSendMethod = z.enum(["email", "post"]);
/** Policy aim 6: why the complaint arose, from a short list (domain/learning.ts). */
export const ZRootCause = z.enum(ROOT_CAUSES);
export const ZDocumentKind = z.enum(["email", "attachment", "letter", "evidence", "minutes", "other"]);

export const ZDevTokenRequest = z.object({ persona: z.enum(PERSONA_NAMES) }).strict();

export const ZIntakeQuery = z
  .object({
    receivedAt: instant.optional(),
    conversationId: z.string().trim().min(1).max(500).optional(),
    relationship: ZRelationship.optional(),
    /** A note from the person logging it, for the Operations Director (the Outlook add-in's optional note). */
    note: z.string().trim().max(1000).optional(),
    /** The category the add-in suggests; triage decides the real one. */
    suggestedCategory: z.string().trim().max(100).optional(),
  })
  .strict();

export const ZLookupQuery = z
  .object({
    messageId: z.string().trim().min(1).max(1000).optional(),
    conversationId: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => q.messageId || q.conversationId, "Give a messageId or a conversationId.");

export const ZCaseListQuery = z
  .object({
    stage: ZStage.optional(),
    handler: personId.optional(),
    q: z.string().trim().max(200).optional(),
    overdue: z.enum(["true", "false"]).optional(),
    /** Only serious (true) or only not serious (false) complaints. */
    serious: z.enum(["true", "false"]).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    /** Received on or after this day / on or before this day (Europe/London). */
    receivedFrom: plainDate.optional(),
    receivedTo: plainDate.optional(),
    /** Only the cases assigned to the caller (as handler or as the appeal's board member). */
    mine: z.enum(["true", "false"]).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

/** GET /api/cases/board: the same filters, every matching card at once (the board filters and sorts in the browser). */
export const ZCaseBoardQuery = ZCaseListQuery.omit({ cursor: true, limit: true });

/** GET /api/people?role=handler — people for the pickers. */
export const ZPeopleQuery = z
  .object({ role: z.enum(["handler", "director", "board-member", "triage"]).optional() })
  .strict();

/** Which letter to preview: the same body the step itself takes. */
export const ZLetterPreviewRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("acknowledgement"), method: ZSendMethod, sentAt: instant.optional() }).strict(),
  z
    .object({
      kind: z.literal("outcome"),
      result: ZOutcomeResult,
      reasons: text(20_000),
      remedy: optionalText(5000),
      method: ZSendMethod,
      sentAt: instant.optional(),
      // The letter does not show these; the dialog sends its whole body, so they are accepted here too.
      rootCause: ZRootCause.optional(),
      rootCauseNote: optionalText(2000),
      lessonsLearned: optionalText(5000),
    })
    .strict(),
  z
    .object({
      kind: z.literal("appeal-decision"),
      result: ZOutcomeResult,
      reasons: text(20_000),
      method: ZSendMethod,
      sentAt: instant.optional(),
    })
    .strict(),
]);

export const ZCreateCaseRequest = z
  .object({
    channel: z.enum(["post", "web"]),
    subject: text(300),
    summary: optionalText(20_000),
    complainant: z
      .object({ name: text(200), email: z.email().max(320).nullish(), relationship: ZRelationship.default("unknown") })
      .strict(),
    receivedAt: instant.optional(),
  })
  .strict();

export const ZTriageRequest = z
  .object({
    category: text(100),
    nature: text(2000),
    serious: z.boolean(),
    handlerId: personId,
    aboutPersonIds: z.array(personId).max(50).default([]),
    loggerNamedInComplaint: z.boolean().default(false),
    interestConfirmed: z.boolean(),
    relationship: ZRelationship.optional(),
    awardingOrganisation: optionalText(200),
    notes: optionalText(5000),
  })
  .strict();

export const ZRedirectRequest = z
  .object({ redirectAs: z.enum(["not-a-complaint", "staff-grievance"]), reason: text(2000) })
  .strict();

export const ZAcknowledgeRequest = z.object({ method: ZSendMethod, sentAt: instant.optional() }).strict();

export const ZAddActionRequest = z
  .object({ description: text(2000), ownerId: personId.optional(), dueDate: plainDate })
  .strict();

export const ZCompleteActionRequest = z.object({ note: optionalText(2000) }).strict();

export const ZOutcomeRequest = z
  .object({
    result: ZOutcomeResult,
    reasons: text(20_000),
    remedy: optionalText(5000),
    method: ZSendMethod,
    sentAt: instant.optional(),
    /** Policy aim 6: required on every outcome, so the Board's figures and report can say what was learned. */
    rootCause: ZRootCause,
    rootCauseNote: optionalText(2000),
    lessonsLearned: text(5000),
  })
  .strict();

export const ZDirectorConsultedRequest = z.object({ response: text(5000), directorId: personId.optional() }).strict();

export const ZBoardInformedRequest = z.object({ on: plainDate.optional(), note: optionalText(2000) }).strict();

export const ZMeetingRequest = z
  .object({
    /** The Operations Meeting record (GET /api/meetings); or give its date and the meeting is recorded if new. */
    meetingId: z.string().trim().min(1).max(100).nullish(),
    meetingDate: plainDate.optional(),
    notes: text(20_000),
    minutesDocumentId: z.string().uuid().nullish(),
  })
  .strict()
  .refine((b) => b.meetingId || b.meetingDate, {
    message: "Give the meeting (meetingId) or its date.",
    path: ["meetingDate"],
  });

/** POST /api/meetings — an Operations Meeting (policy 2.1). */
export const ZCreateMeetingRequest = z
  .object({
    meetingDate: plainDate,
    attendees: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    notes: optionalText(20_000),
  })
  .strict();

/** POST /api/improvement-actions — policy aim 6: an improvement, from a case or a meeting. */
export const ZCreateImprovementActionRequest = z
  .object({
    description: text(2000),
    ownerId: personId,
    dueDate: plainDate,
    caseId: z.string().trim().min(1).max(100).nullish(),
    meetingId: z.string().trim().min(1).max(100).nullish(),
  })
  .strict();

export const ZCompleteImprovementActionRequest = z.object({ note: optionalText(2000) }).strict();

/** GET /api/reports/dashboard?from=&to= — received on or after / on or before (London days). */
export const ZDashboardQuery = z.object({ from: plainDate.optional(), to: plainDate.optional() }).strict();

/** POST /api/reports/annual — the year ending on `to` (default: the twelve months up to today). */
export const ZAnnualReportRequest = z.object({ from: plainDate.optional(), to: plainDate.optional() }).strict();

/** POST /api/public/survey/{token} — the satisfaction survey about the handling (policy aim 5 and 6). */
export const ZSurveyAnswersRequest = z
  .object({
    easeOfComplaining: z.number().int().min(1).max(5),
    keptInformed: z.number().int().min(1).max(5),
    fairness: z.number().int().min(1).max(5),
    onTime: z.enum(["yes", "no", "not-sure"]),
  })
  .strict();

export const ZAppealRequest = z
  .object({
    receivedAt: instant.optional(),
    grounds: text(20_000),
    boardMemberId: personId,
    lateReason: optionalText(2000),
  })
  .strict();

export const ZAppealDecisionRequest = z
  .object({ result: ZOutcomeResult, reasons: text(20_000), method: ZSendMethod, sentAt: instant.optional() })
  .strict();

export const ZSignpostRequest = z
  .object({ awardingOrganisation: text(200), contact: optionalText(500), note: optionalText(2000) })
  .strict();

export const ZWithdrawRequest = z.object({ reason: text(2000) }).strict();
export const ZCloseRequest = z.object({ note: optionalText(2000) }).strict();

export const ZDocumentUploadQuery = z
  .object({ name: z.string().trim().min(1).max(255), kind: ZDocumentKind.exclude(["email"]).default("evidence") })
  .strict();

export type TDevTokenRequest = z.infer<typeof ZDevTokenRequest>;
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;
export type TTriageRequest = z.infer<typeof ZTriageRequest>;
export type TOutcomeRequest = z.infer<typeof ZOutcomeRequest>;
export type TAppealRequest = z.infer<typeof ZAppealRequest>;
export type TLetterPreviewRequest = z.infer<typeof ZLetterPreviewRequest>;
