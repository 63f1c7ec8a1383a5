import type { OutboxJob } from "./case-store.js";

/**
 * How outbox workers share the jobs when several servers run against one database. A job is delivered only by the
 * worker that claimed it, for as long as its lease lasts; the worker renews the lease while the job runs, so a
 * lease that runs out means its worker died (or stalled) and the job may or may not have taken effect.
 */
export interface OutboxClaims {
  /**
   * Claims the due jobs of up to `limit` cases for `workerId` until `leaseUntil`, in the order written. A case is
   * claimable when no job of it is held by a worker; the first due job of the case (the head) must not be of
   * `skipKinds` (told by Graph to wait), and all its due jobs are claimed together, so one worker delivers a case's
   * effects in the order written, whichever server it is (one backing off after a failure does not hold the rest
   * up). A job of no case is a case of its own. Two workers never get the same job.
   */
  claimJobs(options: {
    workerId: string;
    now: string;
    leaseUntil: string;
    limit: number;
    skipKinds?: readonly string[];
  }): Promise<OutboxJob[]>;
  /** Extends the leases of these jobs, where `workerId` still holds them. */
  renewClaims(workerId: string, jobIds: readonly string[], leaseUntil: string): Promise<void>;
  /**
   * Gives claims back. Jobs that never started are simply claimable again; with `outcomeUnknown` (a job cut short
   * while it ran) the attempt is counted and marked, so the next one looks for the effect before repeating it, and
   * it waits until `nextAttemptAt` (Sent Items and the channel lag behind Graph's acceptance).
   */
  releaseClaims(
    workerId: string,
    jobIds: readonly string[],
    after?: { outcomeUnknown: true; nextAttemptAt: string },
  ): Promise<void>;
  /**
   * Frees the jobs whose lease ran out before `now` (their worker died while running them), marked outcome-unknown
   * and due at `nextAttemptAt`. Answers how many. A worker leaves its own claims alone (`exceptWorkerId`): they
   * are alive, whatever a simulated clock says.
   */
  reclaimExpired(now: string, nextAttemptAt: string, exceptWorkerId?: string): Promise<number>;
  /**
   * Reserves the next delivery slot of a rate-limited kind, shared by every server: slots are at least `gapMs`
   * apart. Answers the slot's time (epoch ms); the caller waits until then.
   */
  reserveRateSlot(kind: string, nowMs: number, gapMs: number): Promise<number>;
}
