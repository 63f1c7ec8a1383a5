import type { CaseStore } from "../../ports/case-store.js";
import type { ScheduledWork } from "../../ports/scheduled-work.js";
import { InProcessScheduledWork } from "../local/in-process-scheduled-work.js";
import { AdvisoryLockScheduledWork } from "./advisory-lock-scheduled-work.js";
import { openPostgresCaseStore } from "./postgres-case-store.js";
import { openSqliteCaseStore } from "./sqlite-case-store.js";

/**
 * The database the configuration names, migrated, with the matching ScheduledWork: PostgreSQL (several servers may
 * share it: scheduled work under an advisory lock) or SQLite (one server: scheduled work in-process).
 */
export async function openDatabase(config: {
  postgres: { url: string; poolSize: number } | null;
  databaseFile: string;
}): Promise<{ store: CaseStore; scheduled: ScheduledWork; shared: boolean }> {
  if (config.postgres) {
    const store = await openPostgresCaseStore(config.postgres);
    return { store, scheduled: new AdvisoryLockScheduledWork({ url: config.postgres.url }), shared: true };
  }
  const store = await openSqliteCaseStore({ file: config.databaseFile });
  return { store, scheduled: new InProcessScheduledWork(), shared: false };
}
