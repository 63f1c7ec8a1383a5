import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { KyselyCaseStore } from "./kysely-case-store.js";
import type { Database } from "./schema.js";

/**
 * SQLite for a single instance. WAL lets readers continue during a write; `synchronous=FULL` makes every commit
 * durable before we answer, which the "nothing lost" promise needs (NORMAL may lose the last commits on power loss).
 */
export async function openSqliteCaseStore(options: { file: string }): Promise<KyselyCaseStore> {
  if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const database = new BetterSqlite3(options.file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  const store = new KyselyCaseStore(db);
  await store.migrate();
  return store;
}
