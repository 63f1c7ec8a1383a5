import type { OutboxJob } from "../../ports/case-store.js";

/**
 * One service limit on deliveries: jobs of `kinds` that fall in the same bucket (`key`) are sent at least
 * `minIntervalMs` apart. Even spacing rather than "n in any second" so that network jitter between us and the
 * service can never squeeze three posts into the service's one-second window.
 */
export interface RateLimit {
  kinds: readonly string[];
  /** The bucket a job counts in: one for the whole tenant, or one per team. */
  key: (job: OutboxJob) => string;
  minIntervalMs: number;
}

/**
 * Graph's channel-message limits (DESIGN §5): 2 per second per app per tenant AND 4 per second per team. Every
 * board post counts against both; `teamOf` names the team a post goes to (a board route per team). With a single
 * board team the tenant limit is the tighter one; the team limit binds when posts go to several teams and the
 * tenant allowance is raised, or when `perTenant` is lowered for another app sharing the team.
 */
export function channelPostLimits(options: {
  kinds?: readonly string[];
  teamOf: (job: OutboxJob) => string;
  perTenantPerSecond?: number;
  perTeamPerSecond?: number;
}): RateLimit[] {
  const kinds = options.kinds ?? ["post-board-card"];
  return [
    { kinds, key: () => "tenant", minIntervalMs: Math.ceil(1000 / (options.perTenantPerSecond ?? 2)) },
    {
      kinds,
      key: (job) => `team:${options.teamOf(job)}`,
      minIntervalMs: Math.ceil(1000 / (options.perTeamPerSecond ?? 4)),
    },
  ];
}

/**
 * Decides when a rate-limited delivery may start. Limited deliveries go one at a time (the caller chains them), so
 * the limiter only has to remember when each bucket last started one.
 */
export class RateLimiter {
  private readonly last = new Map<string, number>();

  constructor(private readonly limits: readonly RateLimit[]) {}

  /** Whether any limit counts this job (unlimited jobs are not queued behind limited ones). */
  applies(job: OutboxJob): boolean {
    return this.limits.some((l) => l.kinds.includes(job.kind));
  }

  /** Milliseconds until every bucket the job counts in has room (0: now). */
  waitFor(job: OutboxJob, now: number): number {
    let wait = 0;
    this.limits.forEach((limit, n) => {
      if (!limit.kinds.includes(job.kind)) return;
      const last = this.last.get(`${n}|${limit.key(job)}`);
      if (last !== undefined) wait = Math.max(wait, last + limit.minIntervalMs - now);
    });
    return wait;
  }

  /** Records that the job's delivery starts now, in every bucket it counts in. */
  take(job: OutboxJob, now: number): void {
    // Buckets are named by the limit's position too, so two limits never share one even when their keys agree.
    this.limits.forEach((limit, n) => {
      if (limit.kinds.includes(job.kind)) this.last.set(`${n}|${limit.key(job)}`, now);
    });
  }
}
