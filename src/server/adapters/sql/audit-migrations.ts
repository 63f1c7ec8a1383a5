import type { Kysely, Migration } from "kysely";

/**
 * The audit trail directors search (by person, by date): reads and changes are already kept per case
 * (`case_reads`, `timeline`); these indexes make the organisation-wide search by person and by date cheap, and
 * `audit_events` keeps the accesses that are not a read of one case (an audit search, an export, a report).
 */
export const auditMigrations: Record<string, Migration> = {
  "2026-11-27-050-audit-trail": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("audit_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("case_id", "text")
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("audit_events_at").on("audit_events").columns(["at", "id"]).execute();
      await db.schema.createIndex("audit_events_actor_at").on("audit_events").columns(["actor_id", "at"]).execute();
      await db.schema.createIndex("case_reads_at").on("case_reads").columns(["at", "id"]).execute();
      await db.schema.createIndex("case_reads_actor_at").on("case_reads").columns(["actor_id", "at"]).execute();
      await db.schema.createIndex("timeline_at").on("timeline").columns(["at", "id"]).execute();
      await db.schema.createIndex("timeline_actor_at").on("timeline").columns(["actor_id", "at"]).execute();
    },
  },
};
