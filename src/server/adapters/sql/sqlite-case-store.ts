import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { CaseStoreTransaction } from "../../ports/case-store.js";
import { GroupCommit } from "./group-commit.js";
import { KyselyCaseStore } from "./kysely-case-store.js";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";
import { WalCheckpointer } from "./wal-checkpointer.js";

/**
 * SQLite for a single instance. WAL lets readers continue during a write; `synchronous=FULL` makes every commit
 * durable before we answer, which the "nothing lost" promise needs (NORMAL may lose the last commits on power loss).
 * Transactions that wait at the same time share one commit (group-commit.ts), so that fsync is paid once per batch
 * rather than once per change; checkpoints run on their own thread (wal-checkpointer.ts), not inside a commit;
 * prepared statements are kept (statement-cache.ts).
 */
export class SqliteCaseStore extends KyselyCaseStore {
  private readonly commits: GroupCommit;

  constructor(
    db: Kysely<Database>,
    private readonly checkpointer: WalCheckpointer | null = null,
  ) {
    super(db);
    this.commits = new GroupCommit(db, { committed: () => checkpointer?.requestSoon() });
  }

  override async close(): Promise<void> {
    // The checkpointer's connection first: the last connection to close then checkpoints and removes the WAL.
    await this.checkpointer?.close();
    await super.close();
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

  protected override writeTogether<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.commits.run(work);
  }
}

export async function openSqliteCaseStore(options: { file: string }): Promise<SqliteCaseStore> {
  if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const database = new BetterSqlite3(options.file);
  const inMemory = database.pragma("journal_mode = WAL", { simple: true }) !== "wal";
  database.pragma("synchronous = FULL");
  // Savepoints (one per logical transaction in a group commit) keep their undo pages in a temporary journal: in
  // memory rather than in a temporary file, which halves the cost of each insert.
  database.pragma("temp_store = MEMORY");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // A case row carries its JSON (~2 KB), so a board of 10,000 cards touches some 20 MB of pages. SQLite's default
  // cache (2 MB) sends each board back to the operating system page by page; 64 MB keeps them (2.5x faster).
  database.pragma("cache_size = -65536");
  // Checkpoints copy the WAL into the database and fsync it: on the checkpointer's thread, not inside a COMMIT.
  if (!inMemory) database.pragma("wal_autocheckpoint = 0");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store = new SqliteCaseStore(db, inMemory ? null : new WalCheckpointer(database.name));
  await store.migrate();
  return store;
}
