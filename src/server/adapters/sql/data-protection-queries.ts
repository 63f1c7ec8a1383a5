import type { Kysely } from "kysely";
import type { DataProtectionLogEntry } from "../../ports/case-store.js";
import type { Database } from "./schema.js";

/** Removes a case and everything recorded against it (documents, history, reads, keys, deliveries). */
export async function deleteCaseRows(db: Kysely<Database>, caseId: string): Promise<void> {
  await db.deleteFrom("documents").where("case_id", "=", caseId).execute();
  await db.deleteFrom("timeline").where("case_id", "=", caseId).execute();
  await db.deleteFrom("case_reads").where("case_id", "=", caseId).execute();
  await db.deleteFrom("intake_keys").where("case_id", "=", caseId).execute();
  await db.deleteFrom("outbox").where("case_id", "=", caseId).execute();
  await db.deleteFrom("cases").where("id", "=", caseId).execute();
}

/** Removes a case's document records (the bytes are removed by the caller) and its deliveries, which name them. */
export async function deleteDocumentRows(db: Kysely<Database>, caseId: string): Promise<void> {
  await db.deleteFrom("documents").where("case_id", "=", caseId).execute();
  await db.deleteFrom("outbox").where("case_id", "=", caseId).execute();
}

/**
 * Replaces the words of a case's history with a neutral line, except for entries of the kinds given (whose
 * summaries hold only procedural facts: dates, results, stages). The entries themselves, who and when, stay.
 */
export async function eraseTimelineText(
  db: Kysely<Database>,
  caseId: string,
  keepKinds: readonly string[],
  replacement: string,
): Promise<void> {
  let query = db.updateTable("timeline").set({ summary: replacement, data: "{}" }).where("case_id", "=", caseId);
  if (keepKinds.length > 0) query = query.where("kind", "not in", keepKinds);
  await query.execute();
}

export async function appendDataProtectionLog(db: Kysely<Database>, entry: DataProtectionLogEntry): Promise<void> {
  await db
    .insertInto("data_protection_log")
    .values({
      id: entry.id,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      reference: entry.reference,
      closed_on: entry.closedOn,
      detail: entry.detail,
    })
    .execute();
}

/** The log, newest first. */
export async function listDataProtectionLog(db: Kysely<Database>, limit: number): Promise<DataProtectionLogEntry[]> {
  const rows = await db
    .selectFrom("data_protection_log")
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action as DataProtectionLogEntry["action"],
    reference: r.reference,
    closedOn: r.closed_on,
    detail: r.detail,
  }));
}
