import type { ScheduledWork } from "../../ports/scheduled-work.js";

/**
 * ScheduledWork for one server (SQLite): a run of a name is skipped while the previous one is still going, so a
 * slow run is never overlapped by the next tick. Also the fake for tests.
 */
export class InProcessScheduledWork implements ScheduledWork {
  private readonly running = new Set<string>();

  async runExclusively<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.running.has(name)) return { ran: false };
    this.running.add(name);
    try {
      return { ran: true, value: await work() };
    } finally {
      this.running.delete(name);
    }
  }
}
