/**
 * What the governance routes answer (meetings, packs, improvement actions, reports, the public survey). Type-only,
 * shared by the server's presenters and the tab.
 */
import type { DashboardFigures } from "../server/domain/governance/dashboard.js";
import type { MeetingPack } from "../server/domain/governance/meeting-pack.js";

export interface GovernanceDocumentView {
  id: string;
  kind: "meeting-agenda" | "annual-report";
  name: string;
  /** Where it is filed in the documents store, e.g. "Directors/Complaints/Meetings/2026-12-03". */
  folder: string;
  size: number;
  /** The API's own download link. */
  url: string;
  webUrl?: string;
  filed: boolean;
  createdAt: string;
}

export interface MeetingView {
  id: string;
  meetingDate: string;
  attendees: string[];
  notes: string | null;
  documents: GovernanceDocumentView[];
}

export interface ImprovementActionView {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  caseId: string | null;
  meetingId: string | null;
  done: boolean;
  doneAt: string | null;
  doneNote: string | null;
  overdue: boolean;
}

/** GET /api/meetings/pack — the pack, names for its handlers, the open improvement actions. */
export interface MeetingPackResponse {
  pack: MeetingPack;
  meeting: MeetingView | null;
  people: Record<string, { name: string }>;
  improvementActions: ImprovementActionView[];
}

export interface DashboardResponse {
  figures: DashboardFigures;
}
