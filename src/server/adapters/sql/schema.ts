import type { GovernanceTables } from "./governance-schema.js";

/** The tables, shared by the SQLite and PostgreSQL adapters. Case content is JSON; what is searched has columns. */
export interface CasesTable {
  id: string;
  reference: string;
  ref_year: number;
  ref_seq: number;
  stage: string;
  version: number;
  received_at: string;
  logged_by: string;
  handler_id: string | null;
  board_member_id: string | null;
  /** The deadline that matters at this stage (domain `currentDeadline`), for the overdue filter. */
  due_date: string | null;
  message_id: string | null;
  conversation_id: string | null;
  /** Lower-cased reference, subject and complainant, for search. */
  search_text: string;
  /** Board card columns (migration 2026-11-26-001), so a board of thousands never parses case JSON. */
  subject: string | null;
  complainant_name: string | null;
  category: string | null;
  /** 1 for a serious complaint, else 0. */
  serious: number | null;
  /** JSON of the case's calendar settings (division, office hours, closure days). */
  calendar: string | null;
  body: string;
  updated_at: string;
}

export interface IntakeKeysTable {
  key: string;
  case_id: string;
}

export interface ReferenceCountersTable {
  year: number;
  last_seq: number;
}

export interface DocumentsTable {
  id: string;
  case_id: string;
  name: string;
  kind: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
  filed_at: string | null;
  web_url: string | null;
  note: string | null;
}

export interface TimelineTable {
  id: string;
  case_id: string;
  at: string;
  actor_id: string;
  kind: string;
  summary: string;
  data: string;
}

export interface CaseReadsTable {
  id: string;
  case_id: string;
  actor_id: string;
  at: string;
  via: string;
}

export interface OutboxTable {
  id: string;
  kind: string;
  case_id: string | null;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
  /** Added by migration 2026-11-26-001; absent (undefined) on rows read before it ran. */
  retried_at?: string | null;
  /** The worker holding the job, and until when (migration 2026-11-27-010); null when nobody does. */
  claimed_by?: string | null;
  lease_until?: string | null;
}

/** Accesses that are not a read of one case: audit searches, exports, reports (migration 2026-11-27-050). */
export interface AuditEventsTable {
  id: string;
  at: string;
  actor_id: string;
  kind: string;
  case_id: string | null;
  /** JSON: what was asked for (filters), never personal data beyond ids. */
  detail: string;
}

/** The next free delivery slot of a rate-limited kind (epoch ms), shared by every server (2026-11-27-010). */
export interface OutboxRateSlotsTable {
  kind: string;
  slot_ms: number | string;
}

/** Admin settings: immutable versions, the newest in force (migration 2026-11-27-040). */
export interface SettingsVersionsTable {
  version: number;
  /** JSON of domain `Settings`. */
  settings: string;
  changed_at: string;
  changed_by: string;
  /** JSON array of "what changed" lines. */
  changes: string;
}

/** What retention, erasure and subject-access exports did. Outlives the cases it names: no personal data. */
export interface DataProtectionLogTable {
  id: string;
  at: string;
  /** A person's id, or `retention` for the scheduled job. */
  actor_id: string;
  action: string;
  reference: string | null;
  closed_on: string | null;
  detail: string;
}

/** Server-side secrets shared by every instance (the public form's signing key). */
export interface AppSecretsTable {
  name: string;
  value: string;
}

/** One listing (a board load) read by one person: its cases are in `listing_read_ranges` (migration 060). */
export interface ListingReadsTable {
  id: string;
  actor_id: string;
  at: string;
  via: string;
  case_count: number;
}

/** A run of consecutive references (`CMP-<ref_year>-<seq_from…seq_to>`) that a listing showed. */
export interface ListingReadRangesTable {
  listing_id: string;
  ref_year: number;
  seq_from: number;
  seq_to: number;
}

export interface Database extends GovernanceTables {
  settings_versions: SettingsVersionsTable;
  data_protection_log: DataProtectionLogTable;
  app_secrets: AppSecretsTable;
  cases: CasesTable;
  intake_keys: IntakeKeysTable;
  reference_counters: ReferenceCountersTable;
  documents: DocumentsTable;
  timeline: TimelineTable;
  case_reads: CaseReadsTable;
  outbox: OutboxTable;
  outbox_rate_slots: OutboxRateSlotsTable;
  listing_reads: ListingReadsTable;
  listing_read_ranges: ListingReadRangesTable;
  audit_events: AuditEventsTable;
}
