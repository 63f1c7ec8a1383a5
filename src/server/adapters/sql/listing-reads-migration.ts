import type { Kysely } from "kysely";

/**
 * 2026-11-27-060: a board load is one audited read of thousands of cases. Recording a `case_reads` row for each
 * cost more than the rest of the request (10,000 rows per load); a listing is instead one row, and the cases it
 * showed are runs of consecutive references — a handful of rows for a whole board. `listReads(caseId)` still
 * answers per case by finding the runs that hold the case's reference.
 */
export async function createListingReads(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("listing_reads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("case_count", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("listing_read_ranges")
    .addColumn("listing_id", "text", (c) => c.notNull().references("listing_reads.id"))
    .addColumn("ref_year", "integer", (c) => c.notNull())
    .addColumn("seq_from", "integer", (c) => c.notNull())
    .addColumn("seq_to", "integer", (c) => c.notNull())
    .execute();
  // "Which runs hold CMP-2026-0042?": the runs of that year starting at or before 42, then their end is checked.
  await db.schema
    .createIndex("listing_read_ranges_ref")
    .on("listing_read_ranges")
    .columns(["ref_year", "seq_from"])
    .execute();
}
