import type { Kysely } from "kysely";
import { AppError } from "../../domain/app-error.js";
import { completeSettings, type SettingsVersion } from "../../domain/settings.js";
import type { Database, SettingsVersionsTable } from "./schema.js";

/** Settings versions, newest first. */
export async function listSettingsVersions(db: Kysely<Database>, limit: number): Promise<SettingsVersion[]> {
  const rows = await db.selectFrom("settings_versions").selectAll().orderBy("version", "desc").limit(limit).execute();
  return rows.map(toVersion);
}

/**
 * Adds a version. Versions are numbered one after another and never rewritten: a second save based on the same
 * version finds its number taken and is refused, so two admins cannot overwrite each other unseen.
 */
export async function insertSettingsVersion(db: Kysely<Database>, v: SettingsVersion): Promise<void> {
  const taken = await db
    .selectFrom("settings_versions")
    .select("version")
    .where("version", ">=", v.version)
    .executeTakeFirst();
  if (taken) throw conflict();
  try {
    await db
      .insertInto("settings_versions")
      .values({
        version: v.version,
        settings: JSON.stringify(v.settings),
        changed_at: v.changedAt,
        changed_by: v.changedBy,
        changes: JSON.stringify(v.changes),
      })
      .execute();
  } catch (error) {
    // Two saves at the same moment on PostgreSQL: both saw the number free; the primary key keeps one.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

const conflict = () =>
  new AppError(
    "VERSION_CONFLICT",
    "Someone else changed the settings meanwhile. Reload them, then make your change again.",
  );

/** PostgreSQL's unique_violation, or SQLite's primary key / unique constraint. */
const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/** A shared secret by name, made once by whichever instance asks first. */
export async function getOrCreateSecret(db: Kysely<Database>, name: string, create: () => string): Promise<string> {
  await db
    .insertInto("app_secrets")
    .values({ name, value: create() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return row.value;
}

const toVersion = (r: SettingsVersionsTable): SettingsVersion => ({
  version: Number(r.version),
  settings: { ...completeSettings(JSON.parse(r.settings)), version: Number(r.version) },
  changedAt: r.changed_at,
  changedBy: r.changed_by,
  changes: JSON.parse(r.changes) as string[],
});
