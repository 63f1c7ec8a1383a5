/**
 * The order of a case's history. Entries are ordered by the instant they happened; two entries of the same instant
 * (one use case writing two, or two changes in the same millisecond) keep the order they were written in, which
 * their ids carry: ids are time-ordered (UUIDv7, see adapters/ids), so the later written has the greater id.
 */
export interface Dated {
  /** ISO 8601 instant. */
  at: string;
  id: string;
}

/** Negative when `a` comes first; compares instants (not strings, so offsets and precision do not matter), then ids. */
export function compareTimelineEntries(a: Dated, b: Dated): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy: oldest first, ties in the order written. */
export function orderTimeline<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort(compareTimelineEntries);
}
