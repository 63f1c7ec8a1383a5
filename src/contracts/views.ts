/**
 * The shapes the API answers with — shared by the server's presenters and the two front ends, so a field renamed on
 * one side fails to compile on the other. Type-only: nothing here runs.
 */
import type { ComplaintCase, DocumentKind } from "../server/domain/case.js";
import type { NextStep } from "../server/domain/next-step.js";
import type { CloseGuard } from "../server/domain/procedure/closing.js";

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
  people: PersonView[];
}

export type CaseView = CaseStatusView | CaseFullView;

export interface CaseListResponse {
  cases: CaseView[];
  nextCursor: string | null;
}

export interface ErrorResponse {
  error: { code: string; message: string; details?: unknown };
}
