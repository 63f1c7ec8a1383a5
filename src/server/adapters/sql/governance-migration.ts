import type { Kysely, Migration } from "kysely";

/** Meetings, improvement actions, governance documents and satisfaction surveys; schema builder only (SQLite and PostgreSQL). */
export const governanceMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("meetings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("meeting_date", "text", (c) => c.notNull().unique())
      .addColumn("attendees", "text", (c) => c.notNull())
      .addColumn("notes", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("improvement_actions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("due_date", "text", (c) => c.notNull())
      .addColumn("case_id", "text")
      .addColumn("meeting_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("done_at", "text")
      .addColumn("done_by", "text")
      .addColumn("done_note", "text")
      .execute();
    await db.schema.createIndex("improvement_actions_done").on("improvement_actions").column("done_at").execute();

    await db.schema
      .createTable("governance_documents")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("folder", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("content_type", "text", (c) => c.notNull())
      .addColumn("size", "bigint", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("meeting_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("filed_at", "text")
      .addColumn("web_url", "text")
      .execute();
    await db.schema
      .createIndex("governance_documents_meeting")
      .on("governance_documents")
      .column("meeting_id")
      .execute();

    await db.schema
      .createTable("surveys")
      .addColumn("case_id", "text", (c) => c.primaryKey())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("invited_at", "text", (c) => c.notNull())
      .addColumn("answered_at", "text")
      .addColumn("answers", "text")
      .execute();
  },
};
