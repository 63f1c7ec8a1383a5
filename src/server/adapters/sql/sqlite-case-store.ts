import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { CaseStoreTransaction } from "../../ports/case-store.js";
import { GroupCommit } from "./group-commit.js";
import { KyselyCaseStore } from "./kysely-case-store.js";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";

/**
 * SQLite for a single instance. WAL lets readers continue during a write; `synchronous=FULL` makes every commit
 * durable before we answer, which the "nothing lost" promise needs (NORMAL may lose the last commits on power loss).
 * Transactions that wait at the same time share one commit (group-commit.ts), so that fsync is paid once per batch
 * rather than once per change; prepared statements are kept (statement-cache.ts).
 */
export class SqliteCaseStore extends KyselyCaseStore {
  private readonly commits: GroupCommit;

  constructor(db: Kysely<Database>) {
    super(db);
    this.commits = new GroupCommit(db);
  }

  override transaction<T>(work: (tx: CaseStoreTransaction) => Promise<T>): Promise<T> {
    return this.commits.run((conn) => work(this.transactionOn(conn)));
  }

  /** Outbox claims and leases: bookkeeping that need not pay an fsync of its own (GroupCommit.runLazily). */
  protected override writeLazily<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.commits.runLazily(work);
  }

  /** Reads are audited on every list and view: they share commits with everything else waiting. */
  protected override write<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.commits.run(work);
  }
}

export async function openSqliteCaseStore(options: { file: string }): Promise<SqliteCaseStore> {
  if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const database = new BetterSqlite3(options.file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store = new SqliteCaseStore(db);
  await store.migrate();
  return store;
}
