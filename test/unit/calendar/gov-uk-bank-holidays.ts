import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlainDate, UkDivision } from "../../../src/server/domain/calendar/index.js";

/** gov.uk's bank-holiday data, kept beside the project (never copied into it). */
export const GOV_UK_FILE = fileURLToPath(new URL("../../../../shared/reference/bank-holidays.json", import.meta.url));

export const GOV_UK_MISSING = !existsSync(GOV_UK_FILE);

export const GOV_UK_SKIP_MESSAGE = `gov.uk bank-holiday data not found at ${GOV_UK_FILE}: skipping the comparison`;

type GovUkData = Record<UkDivision, { division: string; events: { date: PlainDate; title: string }[] }>;

let loaded: GovUkData | undefined;

/** The gov.uk dates of one division and year, or throws when the file is absent (call only when present). */
export function govUkDates(division: UkDivision, year: number): PlainDate[] {
  loaded ??= JSON.parse(readFileSync(GOV_UK_FILE, "utf8")) as GovUkData;
  return loaded[division].events.map((e) => e.date).filter((d) => d.startsWith(`${year}-`));
}
