import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { CaseStoreTransaction } from "../../ports/case-store.js";
import { GroupCommit, type GroupCommitOptions } from "./group-commit.js";
import { KyselyCaseStore } from "./kysely-case-store.js";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";
import { WalCheckpointer } from "./wal-checkpointer.js";
import { WalSync } from "./wal-sync.js";

/**
 * SQLite for a single instance. WAL lets readers continue during a write. Every commit is durable before anyone
 * hears of it, which the "nothing lost" promise needs: SQLite writes the WAL (`synchronous=NORMAL`) and the WAL is
 * then fdatasync'd off the event loop (wal-sync.ts) — as safe as `synchronous=FULL`, without the loop standing
 * still for the disk. Transactions that wait at the same time share one commit (group-commit.ts), so the sync is
 * paid once per batch; checkpoints run on their own thread (wal-checkpointer.ts); prepared statements are kept
 * (statement-cache.ts).
 *
 * One consequence, as with any group commit: between COMMIT and its sync, other readers of this server can see the
 * new rows. Only a power cut in that moment (not a crash of the process: the frames are written) could take back
 * something a reader saw, and never something a writer was told was saved.
 */
export class SqliteCaseStore extends KyselyCaseStore {
  private readonly commits: GroupCommit;

  constructor(
    db: Kysely<Database>,
    private readonly wal: { sync: WalSync; checkpointer: WalCheckpointer } | null = null,
    /** Stands between a commit and its sync: tests hold or fail it to see who waits. */
    aroundSync: (sync: () => Promise<void>) => Promise<void> = (sync) => sync(),
  ) {
    super(db);
    const options: GroupCommitOptions = wal
      ? {
          durable: () => aroundSync(() => wal.sync.afterCommit()),
          committed: () => wal.checkpointer.requestSoon(),
        }
      : {};
    this.commits = new GroupCommit(db, options);
  }

  override async close(): Promise<void> {
    // The checkpointer's connection and the sync's descriptor first: the last connection to close then
    // checkpoints and removes the WAL, with nobody holding it.
    await this.wal?.checkpointer.close();
    await this.wal?.sync.close();
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

export async function openSqliteCaseStore(options: {
  file: string;
  aroundSync?: (sync: () => Promise<void>) => Promise<void>;
}): Promise<SqliteCaseStore> {
  if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const database = new BetterSqlite3(options.file);
  const inMemory = database.pragma("journal_mode = WAL", { simple: true }) !== "wal";
  // With a WAL, commits are made durable by WalSync (see the class); an in-memory database has nothing to sync.
  database.pragma(inMemory ? "synchronous = FULL" : "synchronous = NORMAL");
  // Savepoints (one per logical transaction in a group commit) keep their undo pages in a temporary journal: in
  // memory rather than in a temporary file, which halves the cost of each insert.
  database.pragma("temp_store = MEMORY");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // A case row carries its JSON (~2 KB), so a board of 10,000 cards touches some 20 MB of pages. SQLite's default
  // cache (2 MB) sends each board back to the operating system page by page; 64 MB keeps them (2.5x faster).
  database.pragma("cache_size = -65536");
  if (!inMemory) database.pragma("wal_autocheckpoint = 0");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const wal = inMemory
    ? null
    : { sync: new WalSync(`${database.name}-wal`), checkpointer: new WalCheckpointer(database.name) };
  const store = new SqliteCaseStore(db, wal, options.aroundSync);
  await store.migrate();
  return store;
}
