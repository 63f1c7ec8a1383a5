/** A calendar date in Europe/London, `YYYY-MM-DD`. Dates in the procedure are plain dates, never instants. */
export type PlainDate = string;

/** The UK divisions whose bank holidays differ (gov.uk's names). */
export const UK_DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type UkDivision = (typeof UK_DIVISIONS)[number];

export interface CalendarSettings {
  division: UkDivision;
  /** The organisation's own closure days (for example the days between Christmas and New Year). */
  closureDays: readonly PlainDate[];
  /** Office hours in Europe/London, `HH:MM`. Mail that arrives at or after closing counts from the next working day. */
  officeOpens: string;
  officeCloses: string;
}
