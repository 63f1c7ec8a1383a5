/**
 * A governance document's words and structure (an agenda, the annual report). Rendering to .docx is an adapter's job
 * (ReportRenderer port), as with letters.
 */
export type ReportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] };

export interface ReportDocument {
  title: string;
  /** The file name in the documents store, without extension. */
  baseName: string;
  blocks: ReportBlock[];
}
