import fs from "node:fs/promises";

/**
 * Makes SQLite's write-ahead log durable without blocking the event loop.
 *
 * With `synchronous=FULL`, SQLite fsyncs the WAL inside COMMIT: better-sqlite3 is synchronous, so the event loop
 * stands still for every fsync and no request is read meanwhile. With `synchronous=NORMAL` COMMIT only writes the
 * frames (a crash of the process keeps them; a power cut may not). This closes the gap: after a commit, the WAL is
 * fdatasync'd on libuv's thread pool, and nobody is told their transaction committed until that returns. What a
 * caller hears of is then exactly as durable as under FULL, while the loop reads the next requests during the wait.
 *
 * Syncs are coalesced: one runs at a time; commits made while it runs share the next one, which covers them all
 * (an fdatasync flushes every write made to the file before it started, through any descriptor).
 */
export class WalSync {
  private handle: Promise<fs.FileHandle> | null = null;
  private running: Promise<void> | null = null;
  private next: { promise: Promise<void>; start: () => void } | null = null;

  constructor(private readonly walFile: string) {}

  /** Resolves once everything committed before this call is on disk. */
  afterCommit(): Promise<void> {
    if (!this.running) return this.start();
    if (!this.next) {
      let start = () => {};
      const promise = new Promise<void>((resolve, reject) => {
        start = () => this.start().then(resolve, reject);
      });
      this.next = { promise, start };
    }
    return this.next.promise;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.next?.promise.catch(() => undefined);
    const handle = this.handle;
    this.handle = null;
    await (await handle?.catch(() => null))?.close();
  }

  private start(): Promise<void> {
    const run = this.sync();
    this.running = run;
    const after = () => {
      this.running = null;
      const queued = this.next;
      this.next = null;
      queued?.start();
    };
    run.then(after, after);
    return run;
  }

  private async sync(): Promise<void> {
    // Opened once: the WAL file keeps its inode while the database is open (SQLite deletes it only when the last
    // connection closes, and this store closes its descriptor first).
    this.handle ??= fs.open(this.walFile, "r");
    try {
      await (await this.handle).datasync();
    } catch (error) {
      this.handle = null;
      throw error;
    }
  }
}
