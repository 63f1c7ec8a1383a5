/**
 * The shapes the API answers with — shared by the server's presenters and the two front ends, so a field renamed on
 * one side fails to compile on the other. Type-only: nothing here runs.
 */
import type { ComplaintCase, DocumentKind } from "../server/domain/case.js";
import type { NextStep } from "../server/domain/next-step.js";
import type { CloseGuard } from "../server/domain/procedure/closing.js";
import type { CaseAction } from "../server/domain/procedure/transition.js";

/** What anyone who may know a case exists sees: its reference, stage and dates, nothing of its content. */
export interface CaseStatusView {
  id: string;
  reference: string;
  stage: ComplaintCase["stage"];
  receivedAt: string;
  deemedReceivedOn: string;
  acknowledgeDueDate: string;
  responseDueDate: string;
  /** The deadline that matters now (acknowledgement, response or appeal response). */
  currentDueDate: string | null;
  overdue: boolean;
  /**
   * Working days from today to `currentDueDate` on the case's own calendar: 0 on the day, negative once overdue,
   * null when no deadline runs.
   */
  workingDaysLeft: number | null;
  view: "status" | "full";
}

/** What a person with a need to know sees. */
export interface CaseFullView
  extends CaseStatusView,
    Pick<
      ComplaintCase,
      | "version"
      | "channel"
      | "subject"
      | "summary"
      | "complainant"
      | "source"
      | "loggedBy"
      | "loggedAt"
      | "policy"
      | "triage"
      | "acknowledgement"
      | "actions"
      | "consultations"
      | "outcome"
      | "boardInformed"
      | "meetings"
      | "appeal"
      | "appealDecision"
      | "signposts"
      | "closure"
      | "flags"
    > {
  view: "full";
  policyVersion: number | string;
  nextStep: NextStep;
  closeGuardsUnmet: CloseGuard[];
  /** The steps the caller may take on this case now (role, assignment and stage); only on GET /api/cases/{id}. */
  availableActions?: CaseAction[];
}

export interface DocumentView {
  id: string;
  name: string;
  kind: DocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  /** The API's own download link. */
  url: string;
  /** The SharePoint link, once filed there. */
  webUrl?: string;
  filed: boolean;
  addedAt: string;
  addedBy: string;
  note: string | null;
}

export interface TimelineEntryView {
  id: string;
  at: string;
  actorId: string;
  kind: string;
  summary: string;
}

export interface PersonView {
  id: string;
  name: string;
}

/** GET /api/cases/{id} for a caller with a need to know. */
export interface CaseDetailView extends CaseFullView {
  documents: DocumentView[];
  timeline: TimelineEntryView[];
  /** Names for the person ids the case mentions. */
  people: Record<string, { name: string }>;
}

export type CaseView = CaseStatusView | CaseFullView;

export interface CaseListResponse {
  cases: CaseView[];
  nextCursor: string | null;
}

/** One card of the board: what a column shows, no more. Staff get `view: "status"` cards without content. */
export interface CaseCardView {
  id: string;
  reference: string;
  stage: ComplaintCase["stage"];
  receivedAt: string;
  currentDueDate: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  view: "status" | "full";
  subject: string | null;
  complainantName: string | null;
  category: string | null;
  serious: boolean;
  handlerId: string | null;
  boardMemberId: string | null;
}

/** GET /api/cases/board */
export interface CaseBoardResponse {
  cards: CaseCardView[];
  /** Names of the handlers and board members on the cards. */
  people: Record<string, { name: string }>;
  /** True when more cases matched than one board holds; narrow the filters. */
  truncated: boolean;
}

/** GET /api/cases/{id}/email — the complaint email as received, sanitised. */
export interface CaseEmailView {
  subject: string | null;
  from: string | null;
  date: string | null;
  /** Sanitised HTML (no scripts, no remote content); show it in a sandboxed frame. Null when the email had none. */
  html: string | null;
  text: string | null;
}

/** GET /api/settings/procedure — what the pickers offer. */
export interface ProcedureSettingsView {
  categories: string[];
  awardingOrganisations: Array<{ name: string; complaintsContact: string }>;
  responseWorkingDays: number;
  acknowledgeWorkingDays: number;
  appealWindowWorkingDays: number;
}

/** POST /api/cases/{id}/letters/preview */
export interface LetterPreviewView {
  fileName: string;
  text: string;
}

export interface ErrorResponse {
  error: { code: string; message: string; details?: unknown };
}
