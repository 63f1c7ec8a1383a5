import type { OutboxJob } from "../ports/case-store.js";
import type { ReadinessProbe } from "../ports/readiness-probe.js";
import type { AppDeps } from "./deps.js";

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  /** Milliseconds the check took. */
  ms: number;
  detail: Record<string, string | number | boolean | null>;
}

export interface Readiness {
  /** False when any check fails: the instance should not take traffic. */
  ready: boolean;
  checks: ReadinessCheck[];
}

export interface CheckReadinessOptions {
  deps: Pick<AppDeps, "store" | "clock">;
  /** Outside systems to check besides the database (Graph in Microsoft 365 mode). */
  probes: readonly ReadinessProbe[];
  /** A check that has not answered by then counts as failed: /readyz must answer quickly itself. */
  timeoutMs?: number;
  /** A pending job older than this makes the outbox check fail: deliveries have stopped moving. */
  stuckAfterMs?: number;
}

const HOUR = 3600_000;

/**
 * Is this instance able to do its work? The database answers (the outbox query is the check), the outbox is moving
 * (its backlog, how old the oldest pending job is, how many are dead-lettered and need a person), and each outside
 * system answers. Only counts and durations leave here: no case content.
 */
export async function checkReadiness({
  deps,
  probes,
  timeoutMs = 5_000,
  stuckAfterMs = 6 * HOUR,
}: CheckReadinessOptions): Promise<Readiness> {
  let pending: OutboxJob[] = [];
  const database: ReadinessProbe = {
    name: "database",
    check: async () => {
      pending = await deps.store.listJobs({ status: "pending" });
      return {};
    },
  };
  const databaseCheck = await run(database, timeoutMs);
  const checks: ReadinessCheck[] = [databaseCheck];
  if (databaseCheck.ok) {
    const started = Date.now();
    const dead = await deps.store.listJobs({ status: "dead" });
    const now = deps.clock.now().getTime();
    // The backoff caps at an hour, so a job still pending hours after it was written means deliveries are stuck.
    const oldest = pending.reduce((min, j) => Math.min(min, Date.parse(j.createdAt)), now);
    const oldestAgeMs = now - oldest;
    checks.push({
      name: "outbox",
      ok: oldestAgeMs < stuckAfterMs,
      ms: Date.now() - started,
      detail: {
        backlog: pending.length,
        oldestPendingSeconds: Math.round(oldestAgeMs / 1000),
        needsAttention: dead.length,
        ...(oldestAgeMs >= stuckAfterMs ? { problem: "deliveries have not moved for hours" } : {}),
      },
    });
  }
  checks.push(...(await Promise.all(probes.map((p) => run(p, timeoutMs)))));
  return { ready: checks.every((c) => c.ok), checks };
}

async function run(probe: ReadinessProbe, timeoutMs: number): Promise<ReadinessCheck> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const detail = await Promise.race([probe.check(), timeout]);
    return { name: probe.name, ok: true, ms: Date.now() - started, detail };
  } catch (error) {
    const problem = error instanceof Error ? error.message : "failed";
    return { name: probe.name, ok: false, ms: Date.now() - started, detail: { problem } };
  } finally {
    clearTimeout(timer);
  }
}
