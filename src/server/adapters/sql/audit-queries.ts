/**
 * The audit trail's queries, over any Kysely<Database> (SQLite or PostgreSQL: query builder only, nothing
 * dialect-specific). Reads (`case_reads`), changes (`timeline`) and other accesses (`audit_events`) live in their
 * own tables; a search asks each for its newest `limit` matching rows and merges them, so a page costs three
 * indexed range scans whatever the size of the trail.
 */
import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { AccessEvent, AuditEntry, AuditQuery } from "../../ports/case-store.js";
import type { Database } from "./schema.js";

type Table = "case_reads" | "timeline" | "audit_events";

/** The filters every table shares: person, case, time range, and the keyset cursor (at, id). */
function narrow<T extends Table>(query: AuditQuery, table: T) {
  return (eb: ExpressionBuilder<Database, T>) => {
    // The three tables share these column names; the casts say so to the type checker once, here.
    const e = eb as unknown as ExpressionBuilder<Database, "case_reads">;
    const conditions = [];
    if (query.caseId !== undefined) conditions.push(e(`${table as "case_reads"}.case_id`, "=", query.caseId));
    if (query.actorId !== undefined) conditions.push(e(`${table as "case_reads"}.actor_id`, "=", query.actorId));
    if (query.from !== undefined) conditions.push(e(`${table as "case_reads"}.at`, ">=", query.from));
    if (query.to !== undefined) conditions.push(e(`${table as "case_reads"}.at`, "<", query.to));
    const before = query.before;
    if (before) {
      conditions.push(
        e.or([
          e(`${table as "case_reads"}.at`, "<", before.at),
          e.and([e(`${table as "case_reads"}.at`, "=", before.at), e(`${table as "case_reads"}.id`, "<", before.id)]),
        ]),
      );
    }
    return e.and(conditions);
  };
}

const wants = (query: AuditQuery, type: AuditEntry["type"]): boolean =>
  query.types === undefined || query.types.includes(type);

/** Newest first; the same order as the SQL `ORDER BY at DESC, id DESC` of each part. */
const newestFirst = (a: AuditEntry, b: AuditEntry): number =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

export async function searchAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditEntry[]> {
  const parts: Array<Promise<AuditEntry[]>> = [];
  if (wants(query, "read")) {
    parts.push(
      db
        .selectFrom("case_reads")
        .leftJoin("cases", "cases.id", "case_reads.case_id")
        .select([
          "case_reads.id as id",
          "case_reads.at as at",
          "case_reads.actor_id as actor_id",
          "case_reads.case_id as case_id",
          "case_reads.via as via",
          "cases.reference as reference",
        ])
        .where(narrow(query, "case_reads"))
        .orderBy("case_reads.at", "desc")
        .orderBy("case_reads.id", "desc")
        .limit(query.limit)
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            caseId: r.case_id,
            reference: r.reference ?? null,
            type: "read" as const,
            how: r.via,
            summary: null,
          })),
        ),
    );
  }
  if (wants(query, "change")) {
    parts.push(
      db
        .selectFrom("timeline")
        .leftJoin("cases", "cases.id", "timeline.case_id")
        .select([
          "timeline.id as id",
          "timeline.at as at",
          "timeline.actor_id as actor_id",
          "timeline.case_id as case_id",
          "timeline.kind as kind",
          "timeline.summary as summary",
          "cases.reference as reference",
        ])
        .where(narrow(query, "timeline"))
        .orderBy("timeline.at", "desc")
        .orderBy("timeline.id", "desc")
        .limit(query.limit)
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            caseId: r.case_id,
            reference: r.reference ?? null,
            type: "change" as const,
            how: r.kind,
            summary: r.summary,
          })),
        ),
    );
  }
  if (wants(query, "access")) {
    parts.push(
      db
        .selectFrom("audit_events")
        .leftJoin("cases", "cases.id", "audit_events.case_id")
        .select([
          "audit_events.id as id",
          "audit_events.at as at",
          "audit_events.actor_id as actor_id",
          "audit_events.case_id as case_id",
          "audit_events.kind as kind",
          "cases.reference as reference",
        ])
        .where(narrow(query, "audit_events"))
        .orderBy("audit_events.at", "desc")
        .orderBy("audit_events.id", "desc")
        .limit(query.limit)
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            caseId: r.case_id,
            reference: r.reference ?? null,
            type: "access" as const,
            how: r.kind,
            summary: null,
          })),
        ),
    );
  }
  return (await Promise.all(parts)).flat().sort(newestFirst).slice(0, query.limit);
}

export async function recordAccess(db: Kysely<Database>, event: AccessEvent): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      at: event.at,
      actor_id: event.actorId,
      kind: event.kind,
      case_id: event.caseId,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}

/** Everyone who appears in the trail (ids), for the person filter of the search. */
export async function auditActors(db: Kysely<Database>): Promise<string[]> {
  const lists = await Promise.all([
    db.selectFrom("case_reads").select("actor_id").distinct().execute(),
    db.selectFrom("timeline").select("actor_id").distinct().execute(),
    db.selectFrom("audit_events").select("actor_id").distinct().execute(),
  ]);
  return [...new Set(lists.flat().map((r) => r.actor_id))].sort();
}
