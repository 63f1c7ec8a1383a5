import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Checkpoints SQLite's write-ahead log on a thread of its own. By default SQLite checkpoints inside a COMMIT once
 * the WAL passes 1,000 pages: copying those pages into the database and fsyncing it, on the event loop, while
 * every request waits. The store turns that off (`wal_autocheckpoint=0`, as SQLite's documentation suggests for
 * applications that checkpoint "in a separate thread") and asks this thread instead, after commits.
 *
 * The thread has its own connection and runs PASSIVE checkpoints, which never block the writer. It is written as a
 * small CommonJS script evaluated in the worker, so it runs the same from the TypeScript sources (tests) and from
 * the compiled server; better-sqlite3 is resolved here and handed over by path.
 */
const CHECKPOINT_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 1000");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma("wal_checkpoint(" + message + ")");
    parentPort.postMessage({ ok: true, busy: result.busy, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

/** At most this often while writes keep coming: each run copies what was committed since the last. */
const MIN_INTERVAL_MS = 100;
/**
 * PASSIVE checkpoints copy frames but cannot make the writer start the WAL again from its beginning while writes
 * never pause. Past this many frames (~32 MB) a RESTART checkpoint waits for a gap between writes and holds the
 * next writer for the moment it takes, so the WAL stays bounded under any load.
 */
const RESTART_FRAMES = 8_000;

export interface CheckpointResult {
  ok: boolean;
  /** Frames in the WAL, and how many of them are now in the database file. */
  log?: number;
  checkpointed?: number;
  message?: string;
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private inFlight: Promise<CheckpointResult> | null = null;
  private lastStarted = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The thread stopped (it failed to open the database, say): checkpoints are then not run, never awaited. */
  private dead = false;
  private settle: ((result: CheckpointResult) => void) | null = null;
  private readonly exited: Promise<void>;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(CHECKPOINT_SCRIPT, { eval: true, workerData: { driver, file } });
    // Idle, it must not keep the process alive.
    this.worker.unref();
    this.worker.on("message", (result: CheckpointResult) => this.finish(result));
    this.worker.on("error", (error) => this.finish({ ok: false, message: error.message }));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", () => {
        this.dead = true;
        this.finish({ ok: false, message: "The checkpoint thread stopped." });
        resolve();
      }),
    );
  }

  /** After a commit: a checkpoint soon, unless one is running or ran moments ago. */
  requestSoon(): void {
    if (this.closed || this.dead || this.inFlight || this.timer) return;
    const wait = this.lastStarted + MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      void this.run("PASSIVE");
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed && !this.inFlight) void this.run("PASSIVE");
    }, wait);
    this.timer.unref();
  }

  /** One checkpoint now (waiting for a running one first); "PASSIVE" never blocks the writer. */
  async run(mode: "PASSIVE" | "RESTART" = "PASSIVE"): Promise<CheckpointResult> {
    while (this.inFlight) await this.inFlight;
    if (this.closed || this.dead) return { ok: false, message: "The checkpoint thread is closed." };
    this.lastStarted = Date.now();
    this.inFlight = new Promise<CheckpointResult>((resolve) => {
      this.settle = resolve;
    });
    this.worker.ref();
    this.worker.postMessage(mode);
    return this.inFlight;
  }

  /** Waits for a running checkpoint, then closes the thread's connection before the store closes its own. */
  async close(): Promise<void> {
    // Closed first, so a checkpoint finishing meanwhile starts no other (a RESTART after a large WAL, say).
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    // Referenced until it has gone, so the process waits for its connection to close.
    if (!this.dead) {
      this.worker.ref();
      this.worker.postMessage("close");
    }
    await this.exited;
  }

  private finish(result: CheckpointResult): void {
    const settle = this.settle;
    this.settle = null;
    this.inFlight = null;
    if (!this.closed) this.worker.unref();
    settle?.(result);
    if (!this.closed && !this.dead && (result.log ?? 0) >= RESTART_FRAMES) void this.run("RESTART");
  }
}
