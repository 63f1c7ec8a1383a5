import type { CalendarSettings } from "../domain/calendar/types.js";
import { WorkingDayCalendar } from "../domain/calendar/working-day-calendar.js";

const calendars = new Map<string, WorkingDayCalendar>();

/** One calendar per distinct set of calendar settings: bank holidays are worked out once, not per request. */
export function calendarFor(settings: CalendarSettings): WorkingDayCalendar {
  const key = JSON.stringify([settings.division, settings.officeOpens, settings.officeCloses, settings.closureDays]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new WorkingDayCalendar(settings);
    calendars.set(key, calendar);
  }
  return calendar;
}
