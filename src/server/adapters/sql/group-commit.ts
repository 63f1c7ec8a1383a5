import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.js";

type Work = (db: Kysely<Database>) => Promise<unknown>;

interface Waiting {
  work: Work;
  /** Bookkeeping that may commit without its own fsync (see `runLazily`). */
  lazy?: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Settled = { waiting: Waiting; ok: true; value: unknown } | { waiting: Waiting; ok: false; error: unknown };

/** A batch larger than this commits and the rest wait for the next, so no caller waits behind thousands. */
const MAX_BATCH = 256;

// Compiled once: these run around every logical transaction, and building a `sql` template each time costs more
// than SQLite takes to run them.
const STATEMENTS = {
  begin: CompiledQuery.raw("begin immediate"),
  savepoint: CompiledQuery.raw("savepoint logical"),
  release: CompiledQuery.raw("release logical"),
  rollbackToSavepoint: CompiledQuery.raw("rollback to logical"),
  commit: CompiledQuery.raw("commit"),
  rollback: CompiledQuery.raw("rollback"),
  relax: CompiledQuery.raw("pragma synchronous = NORMAL"),
  restore: CompiledQuery.raw("pragma synchronous = FULL"),
} as const;

export interface GroupCommitOptions {
  /** Told after every commit (to schedule a checkpoint, say). */
  committed?: () => void;
}

/**
 * Group commit for SQLite. With `synchronous=FULL` every COMMIT waits for the disk (an fsync), and SQLite allows
 * one writer at a time, so committing each logical transaction on its own caps the store at one transaction per
 * fsync. Here the logical transactions that are waiting share one physical `BEGIN IMMEDIATE … COMMIT`:
 *
 * - each runs inside its own SAVEPOINT, one after another (never interleaved, so a rollback to its savepoint
 *   undoes exactly its own writes and nobody else's); one that fails rolls back alone and gets its own error;
 * - nobody's promise settles before the COMMIT that made their writes durable has returned; if that COMMIT fails,
 *   every member of the batch fails;
 * - a batch starts on `setImmediate`, after the event loop has read whatever requests arrived meanwhile (during the
 *   previous fsync, say), so batches grow with the load by themselves and a lone request waits no longer than a
 *   turn of the loop.
 *
 * The connection is held for the whole batch, so reads outside a transaction wait for its commit, as they waited
 * for a single transaction before: nobody ever reads uncommitted data.
 */
export class GroupCommit {
  private readonly queue: Waiting[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: GroupCommitOptions = {},
  ) {}

  run<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.enqueue(work, false);
  }

  /**
   * Like `run`, for bookkeeping whose loss in a power cut is harmless (outbox claims and leases: a lost claim is
   * simply claimed again, checked first for an unknown outcome). A batch of only such work commits with
   * `synchronous=NORMAL`: written to the WAL (so a crash of the process keeps it) and made durable by the next
   * full commit's fsync, instead of paying an fsync of its own on every poll of the outbox worker.
   */
  runLazily<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.enqueue(work, true);
  }

  private enqueue<T>(work: (db: Kysely<Database>) => Promise<T>, lazy: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, lazy, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    const taken: Settled[] = [];
    try {
      await this.db.connection().execute((conn) => this.batch(conn, taken));
    } catch (error) {
      // BEGIN or a savepoint failed: nothing of this batch was saved. Those waiting for the next one get the error
      // too rather than a retry that would fail the same way, over and over.
      for (const [i, s] of taken.entries()) if (s.ok) taken[i] = { waiting: s.waiting, ok: false, error };
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    } finally {
      this.running = false;
      if (taken.some((s) => s.ok)) this.options.committed?.();
      for (const s of taken) {
        if (s.ok) s.waiting.resolve(s.value);
        else s.waiting.reject(s.error);
      }
      this.schedule();
    }
  }

  /** Runs waiting work into `taken` until none is left (or the batch is full), then commits. */
  private async batch(conn: Kysely<Database>, taken: Settled[]): Promise<void> {
    // A batch that starts with lazy work takes only lazy work; durable work waits for the next (full) commit.
    const lazy = this.queue[0]?.lazy === true;
    if (lazy) await conn.executeQuery(STATEMENTS.relax);
    try {
      await this.batchOf(conn, taken, lazy);
    } finally {
      if (lazy) await conn.executeQuery(STATEMENTS.restore);
    }
  }

  private async batchOf(conn: Kysely<Database>, taken: Settled[], lazy: boolean): Promise<void> {
    await conn.executeQuery(STATEMENTS.begin);
    let broken = false;
    while (!broken && taken.length < MAX_BATCH) {
      if (this.queue[0] && (this.queue[0].lazy === true) !== lazy) break;
      const waiting = this.queue.shift();
      if (!waiting) break;
      taken.push({ waiting, ok: false, error: new Error("The transaction did not finish.") });
      const at = taken.length - 1;
      await conn.executeQuery(STATEMENTS.savepoint);
      try {
        const value = await waiting.work(conn);
        await conn.executeQuery(STATEMENTS.release);
        taken[at] = { waiting, ok: true, value };
      } catch (error) {
        taken[at] = { waiting, ok: false, error };
        try {
          await conn.executeQuery(STATEMENTS.rollbackToSavepoint);
          await conn.executeQuery(STATEMENTS.release);
        } catch {
          // SQLite rolled the whole transaction back by itself (disk full, I/O error): the batch is lost.
          broken = true;
        }
      }
    }
    try {
      if (broken) throw new Error("The database rolled back the transaction after an error; nothing was saved.");
      await conn.executeQuery(STATEMENTS.commit);
    } catch (error) {
      await conn.executeQuery(STATEMENTS.rollback).catch(() => undefined);
      for (const [i, s] of taken.entries()) if (s.ok) taken[i] = { waiting: s.waiting, ok: false, error };
    }
  }
}
