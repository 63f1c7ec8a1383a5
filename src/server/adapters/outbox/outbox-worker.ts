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
}

const SECOND = 1000;
const DEFAULT_DEAD_AFTER = 7 * 24 * 3600 * SECOND;
const MAX_BACKOFF = 3600 * SECOND;

/**
 * Delivers committed side effects with retries. Jobs are read from the store, so nothing waits in memory: a crash
 * loses nothing, and a job finished but not marked done is simply delivered again (handlers are idempotent).
 */
export class OutboxWorker implements OutboxSignal {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** Kinds told to wait (Retry-After): their jobs stay due but are left alone until then. */
  private readonly pauses = new Map<string, number>();
  private readonly limiter: RateLimiter;
  private rateTurn: Promise<void> = Promise.resolve();

  constructor(private readonly options: OutboxWorkerOptions) {
    const perKind = Object.entries(options.minIntervalMs ?? {}).map(([kind, gap]) => ({
      kinds: [kind],
      key: () => kind,
      minIntervalMs: gap,
    }));
    this.limiter = new RateLimiter([...perKind, ...(options.rateLimits ?? [])]);
  }

  start(): void {
    this.stopped = false;
    this.notify();
  }

  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
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

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.notify(), this.options.pollMs);
    this.timer.unref();
  }

  /**
   * Jobs of different cases are delivered side by side (their commits then share the store's fsyncs, and one slow
   * job does not hold up every other case); the jobs of one case, and those of no case, stay one after another in
   * the order they were written, so a case's side effects happen in order.
   */
  private async drain(): Promise<void> {
    const { store, clock } = this.options;
    for (;;) {
      const jobs = await store.dueJobs(clock.now().toISOString(), this.options.batchSize ?? 20);
      if (jobs.length === 0 || this.stopped) return;
      const byCase = new Map<string | null, OutboxJob[]>();
      for (const job of jobs) byCase.set(job.caseId, [...(byCase.get(job.caseId) ?? []), job]);
      let delivered = 0;
      await Promise.all(
        [...byCase.values()].map(async (queue) => {
          for (const job of queue) {
            if (this.stopped) return;
            // A kind told to wait (Retry-After) holds up the rest of its case too, so the case's effects stay in order.
            if ((this.pauses.get(job.kind) ?? 0) > clock.now().getTime()) return;
            await this.deliverInTurn(job);
            delivered += 1;
          }
        }),
      );
      if (delivered === 0) return; // everything due is paused by Retry-After: wait for the next poll
    }
  }

  private async deliver(job: OutboxJob): Promise<void> {
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
   * Rate-limited kinds (channel posts) are delivered one at a time, however many cases' queues run side by side:
   * each waits for the previous limited delivery to finish and for a slot in every bucket it counts in (per tenant,
   * per team), so the service never sees two closer together than a limit's gap.
   */
  private deliverInTurn(job: OutboxJob): Promise<void> {
    if (!this.limiter.applies(job)) return this.deliver(job);
    const turn = this.rateTurn.then(async () => {
      const wait = this.limiter.waitFor(job, this.options.clock.now().getTime());
      if (wait > 0) await (this.options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
      this.limiter.take(job, this.options.clock.now().getTime());
      await this.deliver(job);
    });
    this.rateTurn = turn;
    return turn;
  }
}

/** Exponential backoff with full jitter, capped at an hour. */
export function backoff(attempts: number): number {
  const ceiling = Math.min(MAX_BACKOFF, SECOND * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
