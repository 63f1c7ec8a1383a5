import { createHash } from "node:crypto";
import pg from "pg";
import type { ScheduledWork } from "../../ports/scheduled-work.js";
import { InProcessScheduledWork } from "../local/in-process-scheduled-work.js";

/**
 * ScheduledWork across servers on one PostgreSQL: a session advisory lock per name, tried without waiting, held on
 * its own connection for the whole run. A server that dies while running loses its connection, and PostgreSQL
 * releases the lock with it, so the next tick elsewhere runs the work. The connection is outside the store's
 * pool, so a run that uses the store can never starve it.
 */
export class AdvisoryLockScheduledWork implements ScheduledWork {
  private readonly local = new InProcessScheduledWork();

  constructor(private readonly options: { url: string }) {}

  runExclusively<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.local.runExclusively(name, () => this.underLock(name, work)).then((r) => (r.ran ? r.value : r));
  }

  private async underLock<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const client = new pg.Client({ connectionString: this.options.url });
    client.on("error", () => undefined); // a dropped connection releases the lock; the run's own errors still throw
    await client.connect();
    try {
      const key = lockKey(name);
      const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1::bigint) as locked", [
        key,
      ]);
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        await client.query("select pg_advisory_unlock($1::bigint)", [key]).catch(() => undefined);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** A stable 64-bit key for a name (advisory locks take a bigint): the first 8 bytes of its SHA-256, signed. */
export function lockKey(name: string): string {
  return createHash("sha256").update(`redress:${name}`).digest().readBigInt64BE(0).toString();
}
