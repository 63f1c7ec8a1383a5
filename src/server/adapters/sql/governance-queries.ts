/**
 * Governance queries over a Kysely connection (portable query-builder code: SQLite and PostgreSQL). KyselyCaseStore
 * and its transaction delegate here one line each.
 */
import type { Kysely } from "kysely";
import type { PlainDate } from "../../domain/calendar/types.js";
import type {
  GovernanceDocumentRecord,
  ImprovementActionRecord,
  MeetingRecord,
  SurveyAnswers,
  SurveyRecord,
} from "../../ports/governance-store.js";
import type {
  GovernanceDocumentsTable,
  ImprovementActionsTable,
  MeetingsTable,
  SurveysTable,
} from "./governance-schema.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database>;

const toMeeting = (r: MeetingsTable): MeetingRecord => ({
  id: r.id,
  meetingDate: r.meeting_date,
  attendees: JSON.parse(r.attendees) as string[],
  notes: r.notes,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const toAction = (r: ImprovementActionsTable): ImprovementActionRecord => ({
  id: r.id,
  description: r.description,
  ownerId: r.owner_id,
  dueDate: r.due_date,
  caseId: r.case_id,
  meetingId: r.meeting_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  doneAt: r.done_at,
  doneBy: r.done_by,
  doneNote: r.done_note,
});

const toGovernanceDocument = (r: GovernanceDocumentsTable): GovernanceDocumentRecord => ({
  id: r.id,
  kind: r.kind as GovernanceDocumentRecord["kind"],
  folder: JSON.parse(r.folder) as string[],
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  meetingId: r.meeting_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  filedAt: r.filed_at,
  webUrl: r.web_url,
});

const toSurvey = (r: SurveysTable): SurveyRecord => ({
  caseId: r.case_id,
  invitedAt: r.invited_at,
  answeredAt: r.answered_at,
  answers: r.answers ? (JSON.parse(r.answers) as SurveyAnswers) : null,
});

export async function insertMeeting(db: Db, m: MeetingRecord): Promise<void> {
  await db
    .insertInto("meetings")
    .values({
      id: m.id,
      meeting_date: m.meetingDate,
      attendees: JSON.stringify(m.attendees),
      notes: m.notes,
      created_at: m.createdAt,
      created_by: m.createdBy,
    })
    .execute();
}

export async function getMeetingByDate(db: Db, date: PlainDate): Promise<MeetingRecord | null> {
  const row = await db.selectFrom("meetings").selectAll().where("meeting_date", "=", date).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

export async function getMeeting(db: Db, id: string): Promise<MeetingRecord | null> {
  const row = await db.selectFrom("meetings").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** Newest first. */
export async function listMeetings(db: Db): Promise<MeetingRecord[]> {
  const rows = await db.selectFrom("meetings").selectAll().orderBy("meeting_date", "desc").execute();
  return rows.map(toMeeting);
}

export async function insertImprovementAction(db: Db, a: ImprovementActionRecord): Promise<void> {
  await db
    .insertInto("improvement_actions")
    .values({
      id: a.id,
      description: a.description,
      owner_id: a.ownerId,
      due_date: a.dueDate,
      case_id: a.caseId,
      meeting_id: a.meetingId,
      created_at: a.createdAt,
      created_by: a.createdBy,
      done_at: a.doneAt,
      done_by: a.doneBy,
      done_note: a.doneNote,
    })
    .execute();
}

export async function completeImprovementAction(
  db: Db,
  id: string,
  done: { at: string; by: string; note: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("improvement_actions")
    .set({ done_at: done.at, done_by: done.by, done_note: done.note })
    .where("id", "=", id)
    .where("done_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open ones first by due date, then the done ones, most recently done first. */
export async function listImprovementActions(db: Db): Promise<ImprovementActionRecord[]> {
  const rows = await db.selectFrom("improvement_actions").selectAll().orderBy("due_date").orderBy("id").execute();
  const all = rows.map(toAction);
  const open = all.filter((a) => a.doneAt === null);
  const done = all.filter((a) => a.doneAt !== null).sort((a, b) => (b.doneAt ?? "").localeCompare(a.doneAt ?? ""));
  return [...open, ...done];
}

export async function getImprovementAction(db: Db, id: string): Promise<ImprovementActionRecord | null> {
  const row = await db.selectFrom("improvement_actions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toAction(row) : null;
}

export async function insertGovernanceDocument(db: Db, d: GovernanceDocumentRecord): Promise<void> {
  await db
    .insertInto("governance_documents")
    .values({
      id: d.id,
      kind: d.kind,
      folder: JSON.stringify(d.folder),
      name: d.name,
      content_type: d.contentType,
      size: d.size,
      sha256: d.sha256,
      meeting_id: d.meetingId,
      created_at: d.createdAt,
      created_by: d.createdBy,
      filed_at: d.filedAt,
      web_url: d.webUrl,
    })
    .execute();
}

export async function markGovernanceDocumentFiled(
  db: Db,
  id: string,
  filedAt: string,
  webUrl: string | null,
): Promise<void> {
  await db
    .updateTable("governance_documents")
    .set({ filed_at: filedAt, web_url: webUrl })
    .where("id", "=", id)
    .execute();
}

export async function listGovernanceDocuments(
  db: Db,
  filter: { meetingId?: string; kind?: GovernanceDocumentRecord["kind"] },
): Promise<GovernanceDocumentRecord[]> {
  let query = db.selectFrom("governance_documents").selectAll();
  if (filter.meetingId) query = query.where("meeting_id", "=", filter.meetingId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  return (await query.orderBy("created_at", "desc").orderBy("id", "desc").execute()).map(toGovernanceDocument);
}

export async function getGovernanceDocument(db: Db, id: string): Promise<GovernanceDocumentRecord | null> {
  const row = await db.selectFrom("governance_documents").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toGovernanceDocument(row) : null;
}

/** Blobs the governance documents hold, so recovery after a crash never removes them. */
export async function governanceBlobs(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("governance_documents").select("sha256").distinct().execute();
  return rows.map((r) => r.sha256);
}

export async function insertSurvey(db: Db, caseId: string, tokenHash: string, at: string): Promise<void> {
  await db
    .insertInto("surveys")
    .values({ case_id: caseId, token_hash: tokenHash, invited_at: at, answered_at: null, answers: null })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .execute();
}

export async function answerSurvey(db: Db, tokenHash: string, answers: SurveyAnswers, at: string): Promise<boolean> {
  const result = await db
    .updateTable("surveys")
    .set({ answered_at: at, answers: JSON.stringify(answers) })
    .where("token_hash", "=", tokenHash)
    .where("answered_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findSurveyByTokenHash(db: Db, tokenHash: string): Promise<SurveyRecord | null> {
  const row = await db.selectFrom("surveys").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  return row ? toSurvey(row) : null;
}

export async function listSurveys(db: Db): Promise<SurveyRecord[]> {
  return (await db.selectFrom("surveys").selectAll().orderBy("invited_at").execute()).map(toSurvey);
}
