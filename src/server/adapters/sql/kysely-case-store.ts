import { randomUUID } from "node:crypto";
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  Migrator,
  type SqlBool,
  sql,
  type Transaction,
} from "kysely";
import { AppError } from "../../domain/app-error.js";
import { addDays, londonDateTime } from "../../domain/calendar/plain-date.js";
import type { CalendarSettings, PlainDate } from "../../domain/calendar/types.js";
import type { ComplaintCase, DocumentKind } from "../../domain/case.js";
import { currentDeadline } from "../../domain/deadlines.js";
import { DEFAULT_POLICY } from "../../domain/policy.js";
import type { SettingsVersion } from "../../domain/settings.js";
import type { Stage } from "../../domain/stages.js";
import type {
  AccessEvent,
  AuditEntry,
  AuditQuery,
  CaseCard,
  CaseListFilter,
  CasePage,
  CaseStore,
  CaseStoreTransaction,
  DataProtectionLogEntry,
  DocumentRecord,
  OutboxJob,
  TimelineEntry,
} from "../../ports/case-store.js";
import type {
  GovernanceDocumentRecord,
  ImprovementActionRecord,
  MeetingRecord,
  SurveyAnswers,
  SurveyRecord,
} from "../../ports/governance-store.js";
import { auditActors, recordAccess, searchAudit } from "./audit-queries.js";
import { boardColumns } from "./board-columns.js";
import { countCasesByStage } from "./board-head-queries.js";
import * as dataProtection from "./data-protection-queries.js";
import * as governance from "./governance-queries.js";
import { insertListingRead, type ListingRead, listingReadsOf } from "./listing-reads.js";
import { migrationProvider } from "./migrations.js";
import * as claims from "./outbox-claims.js";
import { type Param, PreparedQuery } from "./prepared-query.js";
import type { CasesTable, Database, DocumentsTable, OutboxTable } from "./schema.js";
import * as settingsQueries from "./settings-queries.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The CaseStore over Kysely. The SQL here is the common ground of SQLite and PostgreSQL; what differs between them
 * (connection set-up, pragmas) lives in the adapter that constructs this.
 */
export class KyselyCaseStore implements CaseStore {
  /** The statements of every new case and change, compiled once for this store's dialect. */
  protected readonly hot = new HotQueries();
  /** Whether claims lock with FOR UPDATE SKIP LOCKED (PostgreSQL; SQLite has one writer and no such clause). */
  protected readonly skipLocked: boolean = false;
  /** The PostgreSQL schema the tables live in, when not the default (one per store in tests). */
  protected readonly schema: string | undefined = undefined;

  constructor(
    protected readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
  ) {}

  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({
      db: this.db,
      provider: migrationProvider,
      // Kysely looks for its migration table in every schema unless told which: a PostgreSQL schema per store.
      ...(this.schema ? { migrationTableSchema: this.schema } : {}),
    }).migrateToLatest();
    const failed = results?.find((r) => r.status === "Error");
    if (error || failed) {
      throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ""}: ${String(error)}`);
    }
  }

  transaction<T>(work: (tx: CaseStoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(this.transactionOn(trx)));
  }

  /** The writes of a transaction, on a connection its adapter has already begun one on. */
  protected transactionOn(db: Kysely<Database>): CaseStoreTransaction {
    return new KyselyCaseStoreTransaction(db, this.hot);
  }

  getCase(id: string): Promise<ComplaintCase | null> {
    return getCase(this.db, this.hot, id);
  }

  findCaseIdByIntakeKey(key: string): Promise<string | null> {
    return findCaseIdByIntakeKey(this.db, this.hot, key);
  }

  async findBySource(query: { messageId?: string; conversationId?: string }): Promise<ComplaintCase[]> {
    if (!query.messageId && !query.conversationId) return [];
    const rows = await this.db
      .selectFrom("cases")
      .select(["body", "version"])
      .where((eb) =>
        eb.or([
          ...(query.messageId ? [eb("message_id", "=", query.messageId)] : []),
          ...(query.conversationId ? [eb("conversation_id", "=", query.conversationId)] : []),
        ]),
      )
      .orderBy("received_at", "desc")
      .limit(20)
      .execute();
    return rows.map(toCase);
  }

  async listCases(filter: CaseListFilter): Promise<CasePage> {
    let query = this.db
      .selectFrom("cases")
      .select(["body", "version", "received_at", "id"])
      .where((eb) => eb.and(filterConditions(eb, filter)));
    const after = decodeCursor(filter.cursor);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb("received_at", "<", after.receivedAt),
          eb.and([eb("received_at", "=", after.receivedAt), eb("id", "<", after.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      cases: page.map(toCase),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last.received_at, last.id) : null,
    };
  }

  async listCaseCards(filter: CaseListFilter): Promise<CaseCard[]> {
    const rows = await this.db
      .selectFrom("cases")
      .select([
        "id",
        "reference",
        "stage",
        "received_at",
        "due_date",
        "logged_by",
        "handler_id",
        "board_member_id",
        "subject",
        "complainant_name",
        "category",
        "serious",
        "calendar",
      ])
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit)
      .execute();
    const calendars = new Map<string, CalendarSettings>();
    return rows.map((r) => {
      const key = r.calendar ?? "";
      let calendar = calendars.get(key);
      if (!calendar) {
        calendar = r.calendar ? (JSON.parse(r.calendar) as CalendarSettings) : DEFAULT_POLICY;
        calendars.set(key, calendar);
      }
      return {
        id: r.id,
        reference: r.reference,
        stage: r.stage as Stage,
        receivedAt: r.received_at,
        dueDate: r.due_date,
        loggedBy: r.logged_by,
        handlerId: r.handler_id,
        boardMemberId: r.board_member_id,
        subject: r.subject ?? "",
        complainantName: r.complainant_name,
        category: r.category,
        serious: Number(r.serious) === 1,
        calendar,
      };
    });
  }

  countCasesByStage(): Promise<Partial<Record<Stage, number>>> {
    return countCasesByStage(this.db);
  }

  async listDocuments(caseId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom("documents")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .orderBy("name")
      .execute();
    return rows.map(toDocument);
  }

  async getDocument(documentId: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom("documents").selectAll().where("id", "=", documentId).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  async listTimeline(caseId: string): Promise<TimelineEntry[]> {
    const rows = await this.db
      .selectFrom("timeline")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      at: r.at,
      actorId: r.actor_id,
      kind: r.kind,
      summary: r.summary,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  async recordReads(reads: ReadonlyArray<{ caseId: string; actorId: string; at: string; via: string }>): Promise<void> {
    if (reads.length === 0) return;
    await this.write((db) =>
      db
        .insertInto("case_reads")
        .values(reads.map((r) => ({ id: randomUUID(), case_id: r.caseId, actor_id: r.actorId, at: r.at, via: r.via })))
        .execute(),
    );
  }

  searchAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return searchAudit(this.db, query);
  }
  recordAccess(event: AccessEvent): Promise<void> {
    return this.write((db) => recordAccess(db, event));
  }
  auditActors(): Promise<string[]> {
    return auditActors(this.db);
  }

  /** A write that is not part of a transaction of the port (the audit of reads): committed on its own here. */
  protected write<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return work(this.db);
  }

  /** Outbox claim bookkeeping: where the adapter can, committed without waiting for the disk (SQLite). */
  protected writeLazily<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.write(work);
  }

  recordListingRead(read: ListingRead): Promise<void> {
    return this.writeTogether((db) => insertListingRead(db, read));
  }

  /** Writes that must commit together outside a port transaction (a listing and its runs). */
  protected writeTogether<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async listReads(caseId: string): Promise<Array<{ actorId: string; at: string; via: string }>> {
    const rows = await this.db
      .selectFrom("case_reads")
      .select(["actor_id", "at", "via"])
      .where("case_id", "=", caseId)
      .orderBy("at")
      .execute();
    const own = rows.map((r) => ({ actorId: r.actor_id, at: r.at, via: r.via }));
    // A stable sort: at the same instant, the case's own reads come before the listings'.
    return [...own, ...(await listingReadsOf(this.db, caseId))].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
    );
  }

  async dueJobs(now: string, limit: number): Promise<OutboxJob[]> {
    const rows = await this.db
      .selectFrom("outbox")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .orderBy("created_at")
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  async listJobs(filter: { status?: OutboxJob["status"]; caseId?: string }): Promise<OutboxJob[]> {
    let query = this.db.selectFrom("outbox").selectAll();
    if (filter.status) query = query.where("status", "=", filter.status);
    if (filter.caseId) query = query.where("case_id", "=", filter.caseId);
    return (await query.orderBy("created_at").execute()).map(toJob);
  }

  async getJob(jobId: string): Promise<OutboxJob | null> {
    const row = await this.db.selectFrom("outbox").selectAll().where("id", "=", jobId).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async claimJobs(options: Parameters<CaseStore["claimJobs"]>[0]): Promise<OutboxJob[]> {
    return (await this.writeLazily((db) => claims.claimJobs(db, options, { skipLocked: this.skipLocked }))).map(toJob);
  }

  renewClaims(workerId: string, jobIds: readonly string[], leaseUntil: string): Promise<void> {
    return this.writeLazily((db) => claims.renewClaims(db, workerId, jobIds, leaseUntil));
  }

  releaseClaims(...args: Parameters<CaseStore["releaseClaims"]>): Promise<void> {
    return this.writeLazily((db) => claims.releaseClaims(db, ...args));
  }

  reclaimExpired(now: string, nextAttemptAt: string, exceptWorkerId?: string): Promise<number> {
    return this.writeLazily((db) => claims.reclaimExpired(db, now, nextAttemptAt, exceptWorkerId));
  }

  reserveRateSlot(kind: string, nowMs: number, gapMs: number): Promise<number> {
    return this.writeLazily((db) => claims.reserveRateSlot(db, kind, nowMs, gapMs));
  }

  async referencedBlobs(): Promise<Set<string>> {
    const rows = await this.db.selectFrom("documents").select("sha256").distinct().execute();
    return new Set([...rows.map((r) => r.sha256), ...(await governance.governanceBlobs(this.db))]);
  }

  listSettingsVersions(limit: number): Promise<SettingsVersion[]> {
    return settingsQueries.listSettingsVersions(this.db, limit);
  }

  listDataProtectionLog(limit: number): Promise<DataProtectionLogEntry[]> {
    return dataProtection.listDataProtectionLog(this.db, limit);
  }

  getOrCreateSecret(name: string, create: () => string): Promise<string> {
    return this.write((db) => settingsQueries.getOrCreateSecret(db, name, create));
  }
  // Governance reads (governance-queries.ts).
  listMeetings = (): Promise<MeetingRecord[]> => governance.listMeetings(this.db);
  getMeeting = (id: string): Promise<MeetingRecord | null> => governance.getMeeting(this.db, id);
  listImprovementActions = (): Promise<ImprovementActionRecord[]> => governance.listImprovementActions(this.db);
  getImprovementAction = (id: string) => governance.getImprovementAction(this.db, id);
  listGovernanceDocuments = (filter: { meetingId?: string; kind?: GovernanceDocumentRecord["kind"] }) =>
    governance.listGovernanceDocuments(this.db, filter);
  getGovernanceDocument = (id: string) => governance.getGovernanceDocument(this.db, id);
  findSurveyByTokenHash = (hash: string): Promise<SurveyRecord | null> =>
    governance.findSurveyByTokenHash(this.db, hash);
  listSurveys = (): Promise<SurveyRecord[]> => governance.listSurveys(this.db);

  close(): Promise<void> {
    return this.onClose();
  }
}

class KyselyCaseStoreTransaction implements CaseStoreTransaction {
  /** A Kysely transaction, or a connection inside a transaction begun by the adapter (SQLite group commit). */
  constructor(
    private readonly trx: Kysely<Database>,
    private readonly hot: HotQueries,
  ) {}

  // Governance writes (governance-queries.ts), in this transaction.
  insertMeeting = (m: MeetingRecord) => governance.insertMeeting(this.trx, m);
  getMeetingByDate = (date: PlainDate) => governance.getMeetingByDate(this.trx, date);
  insertImprovementAction = (a: ImprovementActionRecord) => governance.insertImprovementAction(this.trx, a);
  completeImprovementAction = (id: string, done: { at: string; by: string; note: string | null }) =>
    governance.completeImprovementAction(this.trx, id, done);
  insertGovernanceDocument = (d: GovernanceDocumentRecord) => governance.insertGovernanceDocument(this.trx, d);
  markGovernanceDocumentFiled = (id: string, at: string, webUrl: string | null) =>
    governance.markGovernanceDocumentFiled(this.trx, id, at, webUrl);
  insertSurvey = (caseId: string, hash: string, at: string) => governance.insertSurvey(this.trx, caseId, hash, at);
  answerSurvey = (hash: string, answers: SurveyAnswers, at: string) =>
    governance.answerSurvey(this.trx, hash, answers, at);

  async nextReference(year: number): Promise<string> {
    const { rows } = await this.hot.nextReference.execute(this.trx, { year });
    const row = rows[0];
    if (!row) throw new Error("The reference counter gave no value");
    return formatReference(year, Number(row.last_seq));
  }

  async insertCase(c: ComplaintCase): Promise<void> {
    const match = /^CMP-(\d{4})-(\d+)$/.exec(c.reference);
    if (!match) throw new Error(`Malformed reference ${c.reference}`);
    await this.hot.insertCase.execute(this.trx, {
      ...caseColumns(c),
      id: c.id,
      reference: c.reference,
      ref_year: Number(match[1]),
      ref_seq: Number(match[2]),
    });
  }

  async addIntakeKey(key: string, caseId: string): Promise<void> {
    await this.hot.addIntakeKey.execute(this.trx, { key, case_id: caseId });
  }

  async updateCase(c: ComplaintCase): Promise<void> {
    const result = await this.hot.updateCase.execute(this.trx, {
      ...caseColumns(c),
      id: c.id,
      previous_version: c.version - 1,
    });
    if (Number(result.numAffectedRows) !== 1) {
      throw new AppError(
        "VERSION_CONFLICT",
        "Someone else changed this case at the same time. Reload it and try again.",
      );
    }
  }

  getCase(id: string): Promise<ComplaintCase | null> {
    return getCase(this.trx, this.hot, id);
  }

  findCaseIdByIntakeKey(key: string): Promise<string | null> {
    return findCaseIdByIntakeKey(this.trx, this.hot, key);
  }

  async insertDocument(doc: DocumentRecord): Promise<void> {
    await this.hot.insertDocument.execute(this.trx, {
      id: doc.id,
      case_id: doc.caseId,
      name: doc.name,
      kind: doc.kind,
      content_type: doc.contentType,
      size: doc.size,
      sha256: doc.sha256,
      created_at: doc.createdAt,
      created_by: doc.createdBy,
      filed_at: doc.filedAt,
      web_url: doc.webUrl,
      note: doc.note,
    });
  }

  async listDocumentNames(caseId: string): Promise<string[]> {
    const rows = await this.trx.selectFrom("documents").select("name").where("case_id", "=", caseId).execute();
    return rows.map((r) => r.name);
  }

  async markDocumentFiled(documentId: string, filedAt: string, webUrl: string | null): Promise<void> {
    await this.trx
      .updateTable("documents")
      .set({ filed_at: filedAt, web_url: webUrl })
      .where("id", "=", documentId)
      .execute();
  }

  async appendTimeline(entry: TimelineEntry): Promise<void> {
    await this.hot.appendTimeline.execute(this.trx, {
      id: entry.id,
      case_id: entry.caseId,
      at: entry.at,
      actor_id: entry.actorId,
      kind: entry.kind,
      summary: entry.summary,
      data: JSON.stringify(entry.data),
    });
  }

  async enqueue(job: Pick<OutboxJob, "id" | "kind" | "caseId" | "payload" | "createdAt">): Promise<void> {
    await this.hot.enqueue.execute(this.trx, {
      id: job.id,
      kind: job.kind,
      case_id: job.caseId,
      payload: JSON.stringify(job.payload),
      created_at: job.createdAt,
    });
  }

  async completeJob(jobId: string, doneAt: string): Promise<void> {
    await this.trx
      .updateTable("outbox")
      .set((eb) => ({
        status: "done",
        done_at: doneAt,
        attempts: eb("attempts", "+", 1),
        last_error: null,
        claimed_by: null,
        lease_until: null,
      }))
      .where("id", "=", jobId)
      .execute();
  }

  async reviveJob(jobId: string, at: string): Promise<void> {
    await this.trx
      .updateTable("outbox")
      .set({
        status: "pending",
        next_attempt_at: at,
        last_error: null,
        retried_at: at,
        claimed_by: null,
        lease_until: null,
      })
      .where("id", "=", jobId)
      .where("status", "!=", "done")
      .execute();
  }

  async failJob(jobId: string, error: string, nextAttemptAt: string, dead: boolean): Promise<void> {
    await this.trx
      .updateTable("outbox")
      .set((eb) => ({
        status: dead ? "dead" : "pending",
        attempts: eb("attempts", "+", 1),
        last_error: error.slice(0, 2000),
        next_attempt_at: nextAttemptAt,
        claimed_by: null,
        lease_until: null,
      }))
      .where("id", "=", jobId)
      .execute();
  }

  insertSettingsVersion(version: SettingsVersion): Promise<void> {
    return settingsQueries.insertSettingsVersion(this.trx, version);
  }

  deleteCase(caseId: string): Promise<void> {
    return dataProtection.deleteCaseRows(this.trx, caseId);
  }

  deleteDocuments(caseId: string): Promise<void> {
    return dataProtection.deleteDocumentRows(this.trx, caseId);
  }

  eraseTimelineText(caseId: string, keepKinds: readonly string[], replacement: string): Promise<void> {
    return dataProtection.eraseTimelineText(this.trx, caseId, keepKinds, replacement);
  }

  appendDataProtectionLog(entry: DataProtectionLogEntry): Promise<void> {
    return dataProtection.appendDataProtectionLog(this.trx, entry);
  }
}

export const formatReference = (year: number, seq: number): string => `CMP-${year}-${String(seq).padStart(4, "0")}`;

async function getCase(db: Db, hot: HotQueries, id: string): Promise<ComplaintCase | null> {
  const row = (await hot.getCase.execute(db, { id })).rows[0];
  return row ? toCase(row) : null;
}

async function findCaseIdByIntakeKey(db: Db, hot: HotQueries, key: string): Promise<string | null> {
  const row = (await hot.findCaseIdByIntakeKey.execute(db, { key })).rows[0];
  return row?.case_id ?? null;
}

/** The statements of every new case and change (intake, create, transitions, outbox), built once per store. */
class HotQueries {
  readonly nextReference = new PreparedQuery<{ last_seq: number }>((db, p) =>
    db
      .insertInto("reference_counters")
      .values({ year: p("year"), last_seq: 1 })
      .onConflict((oc) => oc.column("year").doUpdateSet({ last_seq: sql`reference_counters.last_seq + 1` }))
      .returning("last_seq"),
  );

  readonly insertCase = new PreparedQuery((db, p) =>
    db.insertInto("cases").values({
      id: p("id"),
      reference: p("reference"),
      ref_year: p("ref_year"),
      ref_seq: p("ref_seq"),
      ...caseColumnParams(p),
    }),
  );

  readonly updateCase = new PreparedQuery((db, p) =>
    db
      .updateTable("cases")
      .set(caseColumnParams(p))
      .where("id", "=", p("id"))
      .where("version", "=", p("previous_version")),
  );

  readonly getCase = new PreparedQuery<{ body: string; version: number }>((db, p) =>
    db.selectFrom("cases").select(["body", "version"]).where("id", "=", p("id")),
  );

  readonly findCaseIdByIntakeKey = new PreparedQuery<{ case_id: string }>((db, p) =>
    db.selectFrom("intake_keys").select("case_id").where("key", "=", p("key")),
  );

  readonly addIntakeKey = new PreparedQuery((db, p) =>
    db.insertInto("intake_keys").values({ key: p("key"), case_id: p("case_id") }),
  );

  readonly insertDocument = new PreparedQuery((db, p) =>
    db.insertInto("documents").values({
      id: p("id"),
      case_id: p("case_id"),
      name: p("name"),
      kind: p("kind"),
      content_type: p("content_type"),
      size: p("size"),
      sha256: p("sha256"),
      created_at: p("created_at"),
      created_by: p("created_by"),
      filed_at: p("filed_at"),
      web_url: p("web_url"),
      note: p("note"),
    }),
  );

  readonly appendTimeline = new PreparedQuery((db, p) =>
    db.insertInto("timeline").values({
      id: p("id"),
      case_id: p("case_id"),
      at: p("at"),
      actor_id: p("actor_id"),
      kind: p("kind"),
      summary: p("summary"),
      data: p("data"),
    }),
  );

  readonly enqueue = new PreparedQuery((db, p) =>
    db.insertInto("outbox").values({
      id: p("id"),
      kind: p("kind"),
      case_id: p("case_id"),
      payload: p("payload"),
      status: "pending",
      attempts: 0,
      next_attempt_at: p("created_at"),
      last_error: null,
      created_at: p("created_at"),
      done_at: null,
    }),
  );
}

/** The columns `caseColumns` fills, as parameters of the same names. */
function caseColumnParams(p: Param): Omit<CasesTable, "id" | "reference" | "ref_year" | "ref_seq"> {
  return {
    stage: p("stage"),
    version: p("version"),
    received_at: p("received_at"),
    logged_by: p("logged_by"),
    handler_id: p("handler_id"),
    board_member_id: p("board_member_id"),
    due_date: p("due_date"),
    message_id: p("message_id"),
    conversation_id: p("conversation_id"),
    search_text: p("search_text"),
    body: p("body"),
    updated_at: p("updated_at"),
    subject: p("subject"),
    complainant_name: p("complainant_name"),
    category: p("category"),
    serious: p("serious"),
    calendar: p("calendar"),
  };
}

function caseColumns(c: ComplaintCase): Omit<CasesTable, "id" | "reference" | "ref_year" | "ref_seq"> {
  return {
    stage: c.stage,
    version: c.version,
    received_at: c.receivedAt,
    logged_by: c.loggedBy,
    handler_id: c.triage?.handlerId ?? null,
    board_member_id: c.appeal?.boardMemberId ?? null,
    due_date: currentDeadline(c),
    message_id: c.source.messageId,
    conversation_id: c.source.conversationId,
    search_text: [c.reference, c.subject, c.complainant.name, c.complainant.email]
      .filter(Boolean)
      .join("\n")
      .toLowerCase(),
    body: JSON.stringify(c),
    updated_at: new Date().toISOString(),
    ...boardColumns(c),
  };
}

/** The WHERE of a listing: the caller's scope and each filter given. */
function filterConditions(eb: ExpressionBuilder<Database, "cases">, filter: CaseListFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (!filter.scope.all) {
    const userId = filter.scope.userId;
    conditions.push(
      eb.or([eb("handler_id", "=", userId), eb("board_member_id", "=", userId), eb("logged_by", "=", userId)]),
    );
  }
  if (filter.assignedTo) {
    conditions.push(eb.or([eb("handler_id", "=", filter.assignedTo), eb("board_member_id", "=", filter.assignedTo)]));
  }
  if (filter.stage) conditions.push(eb("stage", "=", filter.stage));
  if (filter.handlerId) conditions.push(eb("handler_id", "=", filter.handlerId));
  if (filter.overdue) conditions.push(eb("due_date", "<", filter.today));
  if (filter.serious !== undefined) conditions.push(eb("serious", "=", filter.serious ? 1 : 0));
  if (filter.category) conditions.push(eb("category", "=", filter.category));
  if (filter.receivedFrom) conditions.push(eb("received_at", ">=", londonDayStart(filter.receivedFrom)));
  if (filter.receivedTo) conditions.push(eb("received_at", "<", londonDayStart(addDays(filter.receivedTo, 1))));
  if (filter.q?.trim()) {
    const needle = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(sql<SqlBool>`search_text like ${needle} escape '\\'`);
  }
  return conditions;
}

/** The instant (ISO, UTC) at which a London day starts: midnight GMT, or 23:00 the day before during BST. */
function londonDayStart(day: PlainDate): string {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  const anHourEarlier = new Date(utcMidnight - 3_600_000);
  return londonDateTime(anHourEarlier).date === day ? anHourEarlier.toISOString() : new Date(utcMidnight).toISOString();
}

const toCase = (row: { body: string; version: number }): ComplaintCase => ({
  ...(JSON.parse(row.body) as ComplaintCase),
  version: Number(row.version),
});

const toDocument = (r: DocumentsTable): DocumentRecord => ({
  id: r.id,
  caseId: r.case_id,
  name: r.name,
  kind: r.kind as DocumentKind,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
  filedAt: r.filed_at,
  webUrl: r.web_url,
  note: r.note,
});

const toJob = (r: OutboxTable): OutboxJob => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  status: r.status as OutboxJob["status"],
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  doneAt: r.done_at,
  retriedAt: r.retried_at ?? null,
});

function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { receivedAt: string; id: string } | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      return { receivedAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the clear error below
  }
  throw new AppError(
    "MALFORMED_REQUEST",
    "The page cursor is not one this server gave out. Start from the first page.",
  );
}
