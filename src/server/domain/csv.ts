/**
 * CSV for exports people open in Excel. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * read by Excel as a formula (CSV injection: `=HYPERLINK(…)` leaking data, `=cmd|…` running programs), so such
 * text is prefixed with `'`, which Excel shows as text and does not display. Numbers stay numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: neutralised, then quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  const safe = typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells, ending in CRLF as RFC 4180 and Excel expect. */
export const csvRow = (values: ReadonlyArray<string | number | boolean | null | undefined>): string =>
  `${values.map(csvCell).join(",")}\r\n`;
