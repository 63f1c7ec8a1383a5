/** The governance tables (migration 2026-11-27-030): meetings, improvement actions, their documents, surveys. */
export interface MeetingsTable {
  id: string;
  meeting_date: string;
  /** JSON array of names. */
  attendees: string;
  notes: string | null;
  created_at: string;
  created_by: string;
}

export interface ImprovementActionsTable {
  id: string;
  description: string;
  owner_id: string;
  due_date: string;
  case_id: string | null;
  meeting_id: string | null;
  created_at: string;
  created_by: string;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
}

export interface GovernanceDocumentsTable {
  id: string;
  kind: string;
  /** JSON array of folder segments. */
  folder: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  meeting_id: string | null;
  created_at: string;
  created_by: string;
  filed_at: string | null;
  web_url: string | null;
}

export interface SurveysTable {
  case_id: string;
  token_hash: string;
  invited_at: string;
  answered_at: string | null;
  /** JSON of the answers; null until answered. */
  answers: string | null;
}

export interface GovernanceTables {
  meetings: MeetingsTable;
  improvement_actions: ImprovementActionsTable;
  governance_documents: GovernanceDocumentsTable;
  surveys: SurveysTable;
}
