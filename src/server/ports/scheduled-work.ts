/**
 * Work on a timer that must not run on two servers at once (the daily notices, retention). Every server calls it
 * on its own timer; while one runs a name, the others' calls for that name are skipped.
 */
export interface ScheduledWork {
  /** Runs `work` unless it is already running here or on another server: then answers `{ ran: false }`. */
  runExclusively<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}
