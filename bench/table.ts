/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, c) => (c === 0 ? (cells[c] ?? "").padEnd(w) : (cells[c] ?? "").padStart(w))).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [title, rule, line(header), rule, ...rows.map(line), rule].join("\n");
}

/** A number for a table cell: fixed decimals, or "n/a". */
export const fmt = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(digits);
