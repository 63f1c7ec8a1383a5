import { randomUUID } from "node:crypto";
import os from "node:os";
import type { CaseStore, OutboxJob } from "../../ports/case-store.js";
import type { Clock } from "../../ports/clock.js";
import { DeliveryError, OUTCOME_UNKNOWN } from "../../ports/delivery-error.js";
import type { OutboxSignal } from "../../ports/outbox-signal.js";
import { type RateLimit, RateLimiter } from "./rate-limits.js";

/**
 * Delivers one job. A handler that marks the job done itself, in the same transaction as its own writes (so the
 * two can never disagree after a crash), answers "completed"; otherwise the worker marks it done after.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers that return nothing (Promise<void>) must still fit.
export type JobHandler = (job: OutboxJob) => Promise<void | "completed">;

export interface OutboxWorkerOptions {
  store: CaseStore;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  pollMs: number;
  /** After this long a failing job is dead-lettered: kept and shown, never deleted, retried only by a person. */
  deadAfterMs?: number;
  batchSize?: number;
  onError?: (job: OutboxJob, error: unknown) => void;
  /**
   * Least time between two deliveries of a kind, e.g. channel posts: Graph allows 2 per second per app per tenant
   * (and 4 per team), so `{ "post-board-card": 500 }`.
   */
  minIntervalMs?: Record<string, number>;
  /** Limits over buckets other than the kind, e.g. channel posts per tenant and per team (rate-limits.ts). */
  rateLimits?: RateLimit[];
  /** How the worker waits for the rate limit; a simulated clock replaces it in benchmarks. */
  sleep?: (ms: number) => Promise<void>;
  /** Names this worker's claims; unique per process (several servers share one database). */
  workerId?: string;
  /**
   * How long a claim lasts unless renewed (renewed every third of it while the job runs): a dead server's jobs are
   * taken over this long after its last renewal, plus `unknownOutcomeWaitMs`.
   */
  leaseMs?: number;
  /** A job taken over from a dead server waits this long first (Sent Items and the channel lag behind Graph). */
  unknownOutcomeWaitMs?: number;
  /** On stop, how long running jobs may take to finish before their claims are given back as cut short. */
  stopWaitMs?: number;
  /**
   * The only worker on its database (SQLite: one server). Claims found at start are then an earlier, dead process's:
   * taken over at once (as outcome-unknown, so the marker check still runs) instead of after their leases.
   */
  soleWorker?: boolean;
}

const SECOND = 1000;
const DEFAULT_LEASE = 60 * SECOND;
const DEFAULT_UNKNOWN_OUTCOME_WAIT = 120 * SECOND;
const DEFAULT_STOP_WAIT = 10 * SECOND;
/** Later than any lease: with it, reclaimExpired takes over every claim (a sole worker's start). */
const END_OF_TIME = "9999-12-31T23:59:59.999Z";
const DEFAULT_DEAD_AFTER = 7 * 24 * 3600 * SECOND;
const MAX_BACKOFF = 3600 * SECOND;

/**
 * Delivers committed side effects with retries. Jobs are read from the store, so nothing waits in memory: a crash
 * loses nothing, and a job finished but not marked done is simply delivered again (handlers are idempotent).
 *
 * Several servers may run a worker on one database: each job is claimed by one worker with a lease, renewed while
 * it runs. A server that dies leaves its claims to run out; another worker then takes the jobs over as
 * "outcome unknown", so the delivery looks for its marker (Sent Items, the channel) before doing anything again.
 * Rate limits are shared too: each delivery of a rate-limited kind reserves a slot in the database.
 */
export class OutboxWorker implements OutboxSignal {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** Kinds told to wait (Retry-After): their jobs stay due but are left alone until then. */
  private readonly pauses = new Map<string, number>();
  /** In this process: the buckets other than the kind (per team), on top of the kind's slot shared in the database. */
  private readonly limiter: RateLimiter;
  /** Limited deliveries go one at a time here, whatever their kind, so the limiter's buckets are never raced. */
  private rateTurn: Promise<void> = Promise.resolve();
  /** Jobs this worker holds a claim on (claimed, waiting their turn or running). */
  private readonly held = new Set<string>();
  private renewal: NodeJS.Timeout | null = null;
  private lastReclaim = 0;
  private reclaimedAtStart = false;
  readonly workerId: string;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.limiter = new RateLimiter(options.rateLimits ?? []);
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE;
  }

  start(): void {
    this.stopped = false;
    if (!this.renewal) {
      this.renewal = setInterval(() => void this.renewLeases(), Math.max(1, Math.floor(this.leaseMs / 3)));
      this.renewal.unref();
    }
    this.notify();
  }

  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A database error (say, PostgreSQL failing over) ends this round only: claims it held run out and are taken
    // over, and the next poll tries again. Unhandled, it would end the process.
    this.running = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.notify();
        } else {
          this.schedule();
        }
      });
  }

  /** Resolves when nothing is due now (tests and shutdown use it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Graceful shutdown: nothing new is started, jobs claimed but not started are given back at once, and running
   * jobs get `stopWaitMs` to finish. Any still running then are given back as cut short (outcome unknown), so
   * another server takes them over after checking for their effect, instead of waiting for the lease to run out.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const finished = this.idle().then(() => true);
    const waited = new Promise<false>((resolve) => {
      const t = setTimeout(() => resolve(false), this.options.stopWaitMs ?? DEFAULT_STOP_WAIT);
      t.unref();
    });
    const allFinished = await Promise.race([finished, waited]);
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    if (!allFinished && this.held.size > 0) {
      const cutShort = [...this.held];
      this.held.clear();
      const nextAttemptAt = new Date(this.options.clock.now().getTime() + this.unknownOutcomeWait).toISOString();
      await this.options.store
        .releaseClaims(this.workerId, cutShort, { outcomeUnknown: true, nextAttemptAt })
        .catch(() => undefined);
    }
  }

  private get unknownOutcomeWait(): number {
    return this.options.unknownOutcomeWaitMs ?? DEFAULT_UNKNOWN_OUTCOME_WAIT;
  }

  private async renewLeases(): Promise<void> {
    if (this.held.size === 0) return;
    const until = new Date(this.options.clock.now().getTime() + this.leaseMs).toISOString();
    // A failed renewal is tried again on the next tick; the lease is three ticks long.
    await this.options.store.renewClaims(this.workerId, [...this.held], until).catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.notify(), this.options.pollMs);
    this.timer.unref();
  }

  /**
   * Jobs of different cases are delivered side by side (their commits then share the store's fsyncs, and one slow
   * job does not hold up every other case); the store gives a case's due jobs to one worker together, in the order
   * written, and none while another worker holds one, so a case's side effects happen in order whichever server
   * delivers them. Jobs of no case run one after another in the order claimed.
   */
  private async drain(): Promise<void> {
    const { store, clock } = this.options;
    for (;;) {
      if (this.stopped) return;
      await this.reclaimFromDeadWorkers();
      const now = clock.now();
      const paused = [...this.pauses].filter(([, until]) => until > now.getTime()).map(([kind]) => kind);
      const jobs = await store.claimJobs({
        workerId: this.workerId,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        limit: this.options.batchSize ?? 20,
        skipKinds: paused,
      });
      if (jobs.length === 0) return;
      for (const job of jobs) this.held.add(job.id);
      const byCase = new Map<string | null, OutboxJob[]>();
      for (const job of jobs) byCase.set(job.caseId, [...(byCase.get(job.caseId) ?? []), job]);
      let delivered = 0;
      await Promise.all(
        [...byCase.values()].map(async (queue) => {
          let holding = false;
          for (const job of queue) {
            // Stopping, or a kind told to wait (Retry-After): give the claim back untouched, and the rest of the
            // case's with it, so its effects stay in order.
            holding ||= this.stopped || (this.pauses.get(job.kind) ?? 0) > clock.now().getTime();
            if (holding) {
              await this.release(job);
              continue;
            }
            await this.deliverInTurn(job);
            delivered += 1;
          }
        }),
      );
      if (delivered === 0) return; // everything claimed is paused by Retry-After: wait for the next poll
    }
  }

  /** Frees jobs whose worker died (lease run out), at most once per half lease: a write the others need not repeat. */
  private async reclaimFromDeadWorkers(): Promise<void> {
    const now = this.options.clock.now().getTime();
    if (this.options.soleWorker && !this.reclaimedAtStart) {
      this.reclaimedAtStart = true;
      const iso = new Date(now).toISOString();
      await this.options.store.reclaimExpired(END_OF_TIME, iso);
    }
    if (now - this.lastReclaim < this.leaseMs / 2) return;
    this.lastReclaim = now;
    // Between rounds this worker holds nothing, so any claim of its own that ran out is one it lost track of (a
    // database error mid-round): it is taken over like a dead server's.
    await this.options.store.reclaimExpired(
      new Date(now).toISOString(),
      new Date(now + this.unknownOutcomeWait).toISOString(),
    );
  }

  private async release(job: OutboxJob): Promise<void> {
    if (!this.held.delete(job.id)) return;
    await this.options.store.releaseClaims(this.workerId, [job.id]);
  }

  private async deliver(job: OutboxJob): Promise<void> {
    try {
      await this.attempt(job);
    } finally {
      this.held.delete(job.id);
    }
  }

  private async attempt(job: OutboxJob): Promise<void> {
    const { store, clock } = this.options;
    const handler = this.options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for outbox job kind "${job.kind}"`);
      if ((await handler(job)) === "completed") return;
      await store.transaction((tx) => tx.completeJob(job.id, clock.now().toISOString()));
    } catch (error) {
      this.options.onError?.(job, error);
      const now = clock.now().getTime();
      const since = Date.parse(job.retriedAt ?? job.createdAt);
      const failure = error instanceof DeliveryError ? error : null;
      // A permanent failure (400, 403, 404…) cannot be fixed by waiting: dead-lettered at once for a person.
      const dead = failure?.permanent === true || now - since >= (this.options.deadAfterMs ?? DEFAULT_DEAD_AFTER);
      const retryAfter = failure?.retryAfterMs ?? null;
      // Throttling (429/503/504 with Retry-After) pauses the whole kind; a wait the adapter chose itself does not.
      if (retryAfter !== null && failure?.throttled) this.pauses.set(job.kind, now + retryAfter);
      const next = new Date(now + (retryAfter ?? backoff(job.attempts))).toISOString();
      const message =
        (error instanceof Error ? error.message : String(error)) +
        (failure?.outcomeUnknown ? ` ${OUTCOME_UNKNOWN}` : "");
      await store.transaction((tx) => tx.failJob(job.id, message, next, dead));
    }
  }

  /** Until when a kind waits because Graph said Retry-After (epoch ms; 0 when it does not wait). */
  pausedUntil(kind: string): number {
    return this.pauses.get(kind) ?? 0;
  }

  /**
   * Rate-limited kinds (channel posts) are delivered one at a time here, however many cases' queues run side by
   * side: each waits for the previous limited delivery, reserves its kind's next slot in the database (shared by
   * every server, so together they never exceed the per-tenant limit), then waits for room in every other bucket it
   * counts in (per team), so the service never sees two closer together than a limit's gap.
   */
  private deliverInTurn(job: OutboxJob): Promise<void> {
    const gap = this.options.minIntervalMs?.[job.kind];
    if (!gap && !this.limiter.applies(job)) return this.deliver(job);
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const turn = this.rateTurn.then(async () => {
      if (this.stopped) return this.release(job);
      if (gap) {
        const now = this.options.clock.now().getTime();
        const slot = await this.options.store.reserveRateSlot(job.kind, now, gap).catch((error: unknown) => {
          this.held.delete(job.id); // not started: its lease runs out and it is claimed again
          throw error;
        });
        if (slot > now) await sleep(slot - now);
      }
      const wait = this.limiter.waitFor(job, this.options.clock.now().getTime());
      if (wait > 0) await sleep(wait);
      this.limiter.take(job, this.options.clock.now().getTime());
      await this.deliver(job);
    });
    this.rateTurn = turn.catch(() => undefined);
    return turn;
  }
}

/** Exponential backoff with full jitter, capped at an hour. */
export function backoff(attempts: number): number {
  const ceiling = Math.min(MAX_BACKOFF, SECOND * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
