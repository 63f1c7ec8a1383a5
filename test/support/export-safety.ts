/**
 * Checks for exports that leave Redress (reusable: letters now, the meeting pack and reports as they arrive):
 * - CSV: no cell Excel would run as a formula (CSV injection);
 * - .docx: no active content — macros, field codes (HYPERLINK, DDEAUTO, INCLUDETEXT), embedded objects, alternative
 *   chunks of HTML/RTF, external relationships or templates. Text that merely reads like a field code (`{ DDEAUTO
 *   … }` typed by a complainant) is inert in a text run: Word runs fields only from w:fldChar/w:instrText/w:fldSimple.
 */
import JSZip from "jszip";

/** RFC 4180 cells (quoted fields, doubled quotes, CRLF or LF rows). */
export function csvCells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && csv[i + 1] === "\n")) {
      if (ch === "\r") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Cells Excel would evaluate: starting with = + - @ tab or CR, other than a plain number. */
export function csvFormulaCells(csv: string): string[] {
  return csvCells(csv)
    .flat()
    .filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
}

const ACTIVE_PARTS = [/vbaProject\.bin$/i, /\.bin$/i, /activeX/i, /embeddings\//i];
const ACTIVE_XML: ReadonlyArray<[RegExp, string]> = [
  [/<w:instrText\b/, "field code (w:instrText)"],
  [/<w:fldSimple\b/, "field (w:fldSimple)"],
  [/<w:fldChar\b/, "field (w:fldChar)"],
  [/<w:altChunk\b/, "alternative chunk (HTML/RTF imported on open)"],
  [/<w:object\b/, "embedded object"],
  [/<o:OLEObject\b/, "OLE object"],
  [/<w:attachedTemplate\b/, "attached template"],
  [/TargetMode="External"/, "external relationship"],
];

/** Everything in a .docx that could run or reach out when opened; empty for an inert document. */
export async function docxActiveContent(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (ACTIVE_PARTS.some((p) => p.test(name))) problems.push(`part ${name}`);
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = await zip.file(name)?.async("string");
    if (!xml) continue;
    for (const [pattern, what] of ACTIVE_XML) if (pattern.test(xml)) problems.push(`${what} in ${name}`);
  }
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  if (/macroEnabled/i.test(types)) problems.push("macro-enabled content type");
  return problems;
}
