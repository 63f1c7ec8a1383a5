import type { PlainDate } from "../domain/calendar/types.js";

/** An Operations Meeting (policy 2.1): its own record, so a pack can say "since the last meeting". */
export interface MeetingRecord {
  id: string;
  meetingDate: PlainDate;
  /** Names as typed; optional (the minutes are the record of who attended). */
  attendees: string[];
  notes: string | null;
  createdAt: string;
  createdBy: string;
}

/** An improvement action (policy aim 6): from a case or a meeting, with an owner and due date, tracked to done. */
export interface ImprovementActionRecord {
  id: string;
  description: string;
  ownerId: string;
  dueDate: PlainDate;
  caseId: string | null;
  meetingId: string | null;
  createdAt: string;
  createdBy: string;
  doneAt: string | null;
  doneBy: string | null;
  doneNote: string | null;
}

/** A document that belongs to no single case: a meeting agenda or the annual report, under Directors/Complaints/. */
export interface GovernanceDocumentRecord {
  id: string;
  kind: "meeting-agenda" | "annual-report";
  /** Folder segments in the document store, e.g. ["Directors","Complaints","Meetings","2026-12-03"]. */
  folder: string[];
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  meetingId: string | null;
  createdAt: string;
  createdBy: string;
  filedAt: string | null;
  webUrl: string | null;
}

/** A complainant's answers to the satisfaction survey (1–5 scores, and whether we kept to the time promised). */
export interface SurveyAnswers {
  easeOfComplaining: number;
  keptInformed: number;
  fairness: number;
  onTime: "yes" | "no" | "not-sure";
}

export interface SurveyRecord {
  caseId: string;
  invitedAt: string;
  answeredAt: string | null;
  answers: SurveyAnswers | null;
}

/** Governance writes, inside a case-store transaction (so a filed document and its outbox job commit together). */
export interface GovernanceWrites {
  insertMeeting(m: MeetingRecord): Promise<void>;
  getMeetingByDate(date: PlainDate): Promise<MeetingRecord | null>;
  insertImprovementAction(a: ImprovementActionRecord): Promise<void>;
  /** False when there is no such open action. */
  completeImprovementAction(id: string, done: { at: string; by: string; note: string | null }): Promise<boolean>;
  insertGovernanceDocument(d: GovernanceDocumentRecord): Promise<void>;
  markGovernanceDocumentFiled(id: string, filedAt: string, webUrl: string | null): Promise<void>;
  /** One invitation per case: a second is ignored. The token is kept only as its SHA-256. */
  insertSurvey(caseId: string, tokenHash: string, at: string): Promise<void>;
  /** False when the token is unknown or already answered: one response per case. */
  answerSurvey(tokenHash: string, answers: SurveyAnswers, at: string): Promise<boolean>;
}

export interface GovernanceReads {
  listMeetings(): Promise<MeetingRecord[]>;
  getMeeting(id: string): Promise<MeetingRecord | null>;
  listImprovementActions(): Promise<ImprovementActionRecord[]>;
  getImprovementAction(id: string): Promise<ImprovementActionRecord | null>;
  listGovernanceDocuments(filter: {
    meetingId?: string;
    kind?: GovernanceDocumentRecord["kind"];
  }): Promise<GovernanceDocumentRecord[]>;
  getGovernanceDocument(id: string): Promise<GovernanceDocumentRecord | null>;
  findSurveyByTokenHash(tokenHash: string): Promise<SurveyRecord | null>;
  listSurveys(): Promise<SurveyRecord[]>;
}
