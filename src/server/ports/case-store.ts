import type { CalendarSettings, PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase, DocumentKind } from "../domain/case.js";
import type { SettingsVersion } from "../domain/settings.js";
import type { Stage } from "../domain/stages.js";
import type { GovernanceReads, GovernanceWrites } from "./governance-store.js";
import type { OutboxClaims } from "./outbox-claims.js";

/** A document held for a case. The bytes are in the blob store under `sha256`; filing copies them to the folder. */
export interface DocumentRecord {
  id: string;
  caseId: string;
  name: string;
  kind: DocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
  /** When the document reached the document store (local folder or SharePoint); null until then. */
  filedAt: string | null;
  /** SharePoint's link, when the document store has one. */
  webUrl: string | null;
  /** Why a person should look at it, e.g. `differs-from-first-copy`. */
  note: string | null;
}

export interface TimelineEntry {
  id: string;
  caseId: string;
  at: string;
  actorId: string;
  kind: string;
  summary: string;
  data: Record<string, unknown>;
}

/** A side effect to deliver after commit (file a document, post to the channel, send an email). */
export interface OutboxJob {
  id: string;
  kind: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  status: "pending" | "done" | "dead";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
  /** When a person last asked for a dead job to be tried again: the dead-letter clock restarts from here. */
  retriedAt: string | null;
}

/** One thing data protection did: retention, an erasure, a subject-access export. Never personal data. */
export interface DataProtectionLogEntry {
  id: string;
  at: string;
  /** Who did it: a person's id, or `retention` for the scheduled job. */
  actorId: string;
  action: "retention-delete" | "retention-anonymise" | "erasure" | "subject-access-export";
  reference: string | null;
  /** The day the case was closed (retention), for the record of why it went. */
  closedOn: string | null;
  /** Counts and reasons in words, no names or addresses. */
  detail: string;
}

/** One line of the audit trail (DESIGN.md §1): a read of a case, a change to it, or another recorded access. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  caseId: string | null;
  /** The case's reference, when the entry is about a case that exists. */
  reference: string | null;
  /** `read`: the person saw the case; `change`: a timeline entry; `access`: an audit search, an export, a report. */
  type: "read" | "change" | "access";
  /** How: a read's `via` (`case`, `list`, `board`, `document:<id>`, …), a change's kind, an access's kind. */
  how: string;
  /** A change's summary; null for reads and accesses. */
  summary: string | null;
}

/** Filters of the audit trail; every field narrows. Newest first, `limit` at most, after `before` when given. */
export interface AuditQuery {
  caseId?: string;
  actorId?: string;
  /** ISO instants: at or after `from`, before `to`. */
  from?: string;
  to?: string;
  types?: ReadonlyArray<AuditEntry["type"]>;
  /** The last entry of the previous page. */
  before?: { at: string; id: string };
  limit: number;
}

/** An access that is not a read of one case, for the audit trail. */
export interface AccessEvent {
  actorId: string;
  at: string;
  kind: string;
  caseId: string | null;
  /** What was asked for (filters); ids and dates only, never personal data. */
  detail: Record<string, unknown>;
}

/** Which cases a caller may list: everything, or the ones tied to them. */
export type ListScope = { all: true } | { all: false; userId: string };

export interface CaseListFilter {
  scope: ListScope;
  stage?: Stage;
  handlerId?: string;
  /** Free text: reference, subject, complainant's name or address. */
  q?: string;
  /** Only cases whose current deadline is before `today`. */
  overdue?: boolean;
  serious?: boolean;
  category?: string;
  /** Received at or after the start of this London day / before the end of this London day. */
  receivedFrom?: PlainDate;
  receivedTo?: PlainDate;
  /** Only the cases assigned to this person (handler or the appeal's board member). */
  assignedTo?: string;
  today: PlainDate;
  limit: number;
  cursor?: string;
}

/** What a board card needs, read from columns (no case JSON is parsed for a board). */
export interface CaseCard {
  id: string;
  reference: string;
  stage: Stage;
  receivedAt: string;
  dueDate: PlainDate | null;
  loggedBy: string;
  handlerId: string | null;
  boardMemberId: string | null;
  subject: string;
  complainantName: string | null;
  category: string | null;
  serious: boolean;
  /** The case's own calendar settings, for working days left. */
  calendar: CalendarSettings;
}

export interface CasePage {
  cases: ComplaintCase[];
  nextCursor: string | null;
}

/** Writes, always inside one transaction with their timeline entry. */
export interface CaseStoreTransaction extends GovernanceWrites {
  /** The next reference `CMP-YYYY-NNNN` for the year; part of the transaction, so there are no gaps. */
  nextReference(year: number): Promise<string>;
  insertCase(c: ComplaintCase): Promise<void>;
  /** Ties an intake key (Message-ID, content hash) to a case; the store refuses the same key twice. */
  addIntakeKey(key: string, caseId: string): Promise<void>;
  /** Fails with VERSION_CONFLICT when the stored version is not `c.version - 1`. */
  updateCase(c: ComplaintCase): Promise<void>;
  getCase(id: string): Promise<ComplaintCase | null>;
  findCaseIdByIntakeKey(key: string): Promise<string | null>;
  insertDocument(doc: DocumentRecord): Promise<void>;
  listDocumentNames(caseId: string): Promise<string[]>;
  markDocumentFiled(documentId: string, filedAt: string, webUrl: string | null): Promise<void>;
  appendTimeline(entry: TimelineEntry): Promise<void>;
  enqueue(job: Pick<OutboxJob, "id" | "kind" | "caseId" | "payload" | "createdAt">): Promise<void>;
  completeJob(jobId: string, doneAt: string): Promise<void>;
  failJob(jobId: string, error: string, nextAttemptAt: string, dead: boolean): Promise<void>;
  /** A person's retry: the job is pending again now, its last error cleared (attempts are kept). */
  reviveJob(jobId: string, at: string): Promise<void>;
  /** Admin settings: a new version; VERSION_CONFLICT when that number (or a later one) exists already. */
  insertSettingsVersion(version: SettingsVersion): Promise<void>;
  /** Data protection (app/apply-retention.ts, erase-complainant.ts): removal and anonymisation, and their log. */
  deleteCase(caseId: string): Promise<void>;
  deleteDocuments(caseId: string): Promise<void>;
  eraseTimelineText(caseId: string, keepKinds: readonly string[], replacement: string): Promise<void>;
  appendDataProtectionLog(entry: DataProtectionLogEntry): Promise<void>;
}

export interface CaseStore extends GovernanceReads, OutboxClaims {
  migrate(): Promise<void>;
  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(work: (tx: CaseStoreTransaction) => Promise<T>): Promise<T>;
  getCase(id: string): Promise<ComplaintCase | null>;
  findCaseIdByIntakeKey(key: string): Promise<string | null>;
  /** Cases logged from this message, or from another message of the same conversation. */
  findBySource(query: { messageId?: string; conversationId?: string }): Promise<ComplaintCase[]>;
  listCases(filter: CaseListFilter): Promise<CasePage>;
  /** Board cards for the filter, newest first, at most `filter.limit` (the cursor is ignored). */
  listCaseCards(filter: CaseListFilter): Promise<CaseCard[]>;
  /** How many cases are in each stage, all cases (no scope); stages with none are absent. */
  countCasesByStage(): Promise<Partial<Record<Stage, number>>>;
  listDocuments(caseId: string): Promise<DocumentRecord[]>;
  getDocument(documentId: string): Promise<DocumentRecord | null>;
  listTimeline(caseId: string): Promise<TimelineEntry[]>;
  /** Every read of a case is recorded: who, when, how. */
  recordReads(reads: ReadonlyArray<{ caseId: string; actorId: string; at: string; via: string }>): Promise<void>;
  /**
   * One listing's reads at once (a board of thousands of cases): who, when, how, and each case's reference. Kept
   * compactly, but `listReads` answers for each case exactly as if every case's read had been recorded alone.
   */
  recordListingRead(read: { actorId: string; at: string; via: string; references: readonly string[] }): Promise<void>;
  /** Every recorded read of the case, its own and the listings that showed it, oldest first. */
  listReads(caseId: string): Promise<Array<{ actorId: string; at: string; via: string }>>;
  /** The audit trail: reads, changes and other accesses merged, newest first (adapters/sql/audit-queries.ts). */
  searchAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Records an access that is not a read of one case (an audit search, an export, a report). */
  recordAccess(event: AccessEvent): Promise<void>;
  /** Everyone who appears in the audit trail, for the search's person filter. */
  auditActors(): Promise<string[]>;
  /** Jobs due now, oldest first. */
  dueJobs(now: string, limit: number): Promise<OutboxJob[]>;
  listJobs(filter: { status?: OutboxJob["status"]; caseId?: string }): Promise<OutboxJob[]>;
  getJob(jobId: string): Promise<OutboxJob | null>;
  /** Every blob the store refers to, so blobs nobody refers to can be removed after a crash. */
  referencedBlobs(): Promise<Set<string>>;
  /** Settings versions, newest first. */
  listSettingsVersions(limit: number): Promise<SettingsVersion[]>;
  listDataProtectionLog(limit: number): Promise<DataProtectionLogEntry[]>;
  /** A secret shared by every instance (made by the first to ask). */
  getOrCreateSecret(name: string, create: () => string): Promise<string>;
  close(): Promise<void>;
}
