import type { ReportDocument } from "../domain/governance/report-document.js";

export interface RenderedReport {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Turns a governance document's words (agenda, annual report) into a file: a .docx in every mode. */
export interface ReportRenderer {
  render(report: ReportDocument): Promise<RenderedReport>;
}
