import type { PlainDate } from "./calendar/types.js";
import type { Learning } from "./learning.js";
import type { PolicySettings } from "./policy.js";
import type { Stage } from "./stages.js";

/** Who the complainant is to CMS: anyone with a legitimate interest may complain; triage confirms it. */
export const RELATIONSHIPS = [
  "learner",
  "employer",
  "parent-or-guardian",
  "awarding-body",
  "other",
  "unknown",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Policy 1.1: complaints arrive in writing or by email; the public form is a third route. */
export const CHANNELS = ["email", "post", "web"] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOME_RESULTS = ["upheld", "partly-upheld", "not-upheld"] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const SEND_METHODS = ["email", "post"] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

export const REDIRECT_REASONS = ["not-a-complaint", "staff-grievance"] as const;
export type RedirectReason = (typeof REDIRECT_REASONS)[number];

export interface Complainant {
  name: string | null;
  email: string | null;
  relationship: Relationship;
}

/** Where the case came from, so the same email is never logged twice. */
export interface CaseSource {
  /** Message-ID of the email, or null for post and web. */
  messageId: string | null;
  /** Outlook conversation id, when the add-in sent one. */
  conversationId: string | null;
}

export interface Triage {
  category: string;
  /** The nature of the complaint in the Operations Director's words (policy 1.2). */
  nature: string;
  serious: boolean;
  handlerId: string;
  /** People the complaint is about: none of them may handle it. */
  aboutPersonIds: string[];
  /** True when the person who logged the complaint is named in it: then they may not handle it either. */
  loggerNamedInComplaint: boolean;
  /** Triage confirms the complainant has a legitimate interest in CMS. */
  interestConfirmed: boolean;
  awardingOrganisation: string | null;
  notes: string | null;
  at: string;
  by: string;
}

export interface Acknowledgement {
  sentAt: string;
  method: SendMethod;
  by: string;
}

export interface CaseAction {
  id: string;
  description: string;
  ownerId: string;
  dueDate: PlainDate;
  createdAt: string;
  createdBy: string;
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string | null;
}

export interface DirectorConsultation {
  directorId: string;
  response: string;
  at: string;
  recordedBy: string;
}

export interface Outcome {
  result: OutcomeResult;
  reasons: string;
  remedy: string | null;
  method: SendMethod;
  sentAt: string;
  /** The day the complainant is taken to have received it: starts the appeal window. */
  complainantReceiptDate: PlainDate;
  appealDeadline: PlainDate;
  by: string;
  /** Root cause and lessons learned (policy aim 6); null only on cases recorded before it was asked for. */
  learning?: Learning | null;
}

export interface Appeal {
  receivedAt: string;
  grounds: string;
  inTime: boolean;
  lateReason: string | null;
  boardMemberId: string;
  responseDueDate: PlainDate;
  /** True when a late appeal reopened a closed case. */
  reopened: boolean;
  by: string;
}

export interface AppealDecision {
  result: OutcomeResult;
  reasons: string;
  method: SendMethod;
  sentAt: string;
  by: string;
}

export interface BoardInformed {
  /** Which final outcome the Board was told of. */
  of: "outcome" | "appeal-decision";
  on: PlainDate;
  note: string | null;
  at: string;
  by: string;
}

export interface MeetingDiscussion {
  /** The Operations Meeting record this discussion belongs to; absent on discussions recorded before meetings were. */
  meetingId?: string | null;
  meetingDate: PlainDate;
  notes: string;
  /** A document of kind `minutes` on this case holding the full details (required for serious complaints). */
  minutesDocumentId: string | null;
  at: string;
  by: string;
}

export interface Signpost {
  awardingOrganisation: string;
  contact: string | null;
  note: string | null;
  at: string;
  by: string;
}

export interface Closure {
  kind: "resolved" | "redirected" | "withdrawn";
  redirectedAs: RedirectReason | null;
  reason: string | null;
  at: string;
  by: string;
}

/** A complaint case: everything the procedure knows about one complaint. */
export interface ComplaintCase {
  id: string;
  reference: string;
  stage: Stage;
  /** Increases with every change; guards against two people changing the case at once. */
  version: number;
  channel: Channel;
  subject: string;
  summary: string | null;
  complainant: Complainant;
  source: CaseSource;
  /** The actual instant of receipt. */
  receivedAt: string;
  /** The working day the deadline rules count from (after-hours and non-working days move it on). */
  deemedReceivedOn: PlainDate;
  acknowledgeDueDate: PlainDate;
  responseDueDate: PlainDate;
  loggedBy: string;
  loggedAt: string;
  /** The settings in force when the case was received. */
  policy: PolicySettings;
  triage: Triage | null;
  acknowledgement: Acknowledgement | null;
  actions: CaseAction[];
  consultations: DirectorConsultation[];
  outcome: Outcome | null;
  boardInformed: BoardInformed[];
  meetings: MeetingDiscussion[];
  appeal: Appeal | null;
  appealDecision: AppealDecision | null;
  signposts: Signpost[];
  closure: Closure | null;
  /** Things a person should look at, e.g. the same email arrived again with different content. */
  flags: string[];
}

/** A document held for a case; the bytes live in the document store. */
export const DOCUMENT_KINDS = ["email", "attachment", "letter", "evidence", "minutes", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
