export { type BankHoliday, bankHolidays } from "./bank-holidays.js";
export {
  addDays,
  compare,
  dayOfWeek,
  formatUkLong,
  formatUkShort,
  isValidPlainDate,
  londonDateTime,
  parsePlainDate,
  yearOf,
} from "./plain-date.js";
export { type CalendarSettings, type PlainDate, UK_DIVISIONS, type UkDivision } from "./types.js";
export { WorkingDayCalendar } from "./working-day-calendar.js";
