import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { PlainDate } from "../domain/calendar/types.js";

/**
 * The instant a London day begins, as ISO 8601 UTC: 00:00 GMT in winter, 23:00 UTC the evening before in summer
 * (BST). The same rule as the case list's date filter, for filters over stored instants.
 */
export function londonDayStart(day: PlainDate): string {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  const anHourEarlier = new Date(utcMidnight - 3_600_000);
  return londonDateTime(anHourEarlier).date === day ? anHourEarlier.toISOString() : new Date(utcMidnight).toISOString();
}
