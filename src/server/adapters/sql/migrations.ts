import type { Kysely, Migration, MigrationProvider } from "kysely";
import { auditMigrations } from "./audit-migrations.js";
import { boardColumns } from "./board-columns.js";
import { makeSparseCaseIndexesPartial } from "./case-index-migration.js";
import { governanceMigration } from "./governance-migration.js";
import { createListingReads } from "./listing-reads-migration.js";

/**
 * Migrations in Kysely's schema builder, so one list serves SQLite and PostgreSQL. Never edit a released migration:
 * add a new one.
 */
const migrations: Record<string, Migration> = {
  "2026-11-25-001-initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("cases")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("reference", "text", (c) => c.notNull().unique())
        .addColumn("ref_year", "integer", (c) => c.notNull())
        .addColumn("ref_seq", "integer", (c) => c.notNull())
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("logged_by", "text", (c) => c.notNull())
        .addColumn("handler_id", "text")
        .addColumn("board_member_id", "text")
        .addColumn("due_date", "text")
        .addColumn("message_id", "text")
        .addColumn("conversation_id", "text")
        .addColumn("search_text", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("cases_stage_received").on("cases").columns(["stage", "received_at", "id"]).execute();
      await db.schema.createIndex("cases_received").on("cases").columns(["received_at", "id"]).execute();
      await db.schema.createIndex("cases_handler").on("cases").column("handler_id").execute();
      await db.schema.createIndex("cases_logged_by").on("cases").column("logged_by").execute();
      await db.schema.createIndex("cases_board_member").on("cases").column("board_member_id").execute();
      await db.schema.createIndex("cases_message_id").on("cases").column("message_id").execute();
      await db.schema.createIndex("cases_conversation_id").on("cases").column("conversation_id").execute();
      await db.schema.createIndex("cases_due_date").on("cases").column("due_date").execute();

      await db.schema
        .createTable("intake_keys")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("case_id", "text", (c) => c.notNull().references("cases.id"))
        .execute();

      await db.schema
        .createTable("reference_counters")
        .addColumn("year", "integer", (c) => c.primaryKey())
        .addColumn("last_seq", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("documents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("case_id", "text", (c) => c.notNull().references("cases.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "bigint", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("filed_at", "text")
        .addColumn("web_url", "text")
        .addColumn("note", "text")
        .execute();
      await db.schema.createIndex("documents_case").on("documents").column("case_id").execute();
      await db.schema
        .createIndex("documents_case_name")
        .on("documents")
        .columns(["case_id", "name"])
        .unique()
        .execute();

      await db.schema
        .createTable("timeline")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("case_id", "text", (c) => c.notNull().references("cases.id"))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("timeline_case_at").on("timeline").columns(["case_id", "at"]).execute();

      await db.schema
        .createTable("case_reads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("case_id", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("via", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("case_reads_case").on("case_reads").columns(["case_id", "at"]).execute();

      await db.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("case_id", "text")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "text", (c) => c.notNull())
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("done_at", "text")
        .execute();
      await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
      await db.schema.createIndex("outbox_case").on("outbox").column("case_id").execute();
    },
  },
  "2026-11-26-001-outbox-retry": {
    async up(db: Kysely<unknown>) {
      // A person's retry of a dead-lettered job restarts its dead-letter clock from this time.
      await db.schema.alterTable("outbox").addColumn("retried_at", "text").execute();
    },
  },
  "2026-11-26-002-board-columns": {
    async up(db: Kysely<unknown>) {
      for (const column of ["subject", "complainant_name", "category", "calendar"]) {
        await db.schema.alterTable("cases").addColumn(column, "text").execute();
      }
      await db.schema.alterTable("cases").addColumn("serious", "integer").execute();
      await db.schema.createIndex("cases_category").on("cases").column("category").execute();
      // Fill the new columns from each case's JSON, in pages, so existing cases filter and show like new ones.
      const typed = db as unknown as Kysely<{ cases: { id: string; body: string } & Record<string, unknown> }>;
      let after = "";
      for (;;) {
        const rows = await typed
          .selectFrom("cases")
          .select(["id", "body"])
          .where("id", ">", after)
          .orderBy("id")
          .limit(500)
          .execute();
        for (const row of rows) {
          await typed
            .updateTable("cases")
            .set(boardColumns(JSON.parse(row.body)))
            .where("id", "=", row.id)
            .execute();
        }
        const last = rows[rows.length - 1];
        if (!last) break;
        after = last.id;
      }
    },
  },
  "2026-11-27-040-settings-and-data-protection": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("settings_versions")
        .addColumn("version", "integer", (c) => c.primaryKey())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .addColumn("changed_by", "text", (c) => c.notNull())
        .addColumn("changes", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("data_protection_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("reference", "text")
        .addColumn("closed_on", "text")
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("data_protection_log_at").on("data_protection_log").column("at").execute();
      await db.schema
        .createTable("app_secrets")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  },
  "2026-11-27-030-governance": governanceMigration,
  "2026-11-27-010-outbox-claims": {
    async up(db: Kysely<unknown>) {
      // Several servers share the outbox: a job is claimed by one worker with a lease it renews while it runs.
      await db.schema.alterTable("outbox").addColumn("claimed_by", "text").execute();
      await db.schema.alterTable("outbox").addColumn("lease_until", "text").execute();
      await db.schema.createIndex("outbox_claimed").on("outbox").columns(["claimed_by", "lease_until"]).execute();
      await db.schema
        .createIndex("outbox_case_order")
        .on("outbox")
        .columns(["case_id", "status", "created_at"])
        .execute();
      await db.schema
        .createTable("outbox_rate_slots")
        .addColumn("kind", "text", (c) => c.primaryKey())
        .addColumn("slot_ms", "bigint", (c) => c.notNull())
        .execute();
    },
  },
  "2026-11-27-060-listing-reads": { up: createListingReads },
  "2026-11-27-061-partial-case-indexes": { up: makeSparseCaseIndexesPartial },
  ...auditMigrations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
