import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportBlock, ReportDocument } from "../../domain/governance/report-document.js";
import type { RenderedReport, ReportRenderer } from "../../ports/report-renderer.js";
import { DOCX_CONTENT_TYPE } from "../letters/docx-letter-renderer.js";

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const cell = (text: string, bold = false) =>
  new TableCell({
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });

function render(block: ReportBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case "paragraph":
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(block.text)] })];
    case "bullets":
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            // The header row repeats on each page, and screen readers in Word announce it as the header.
            new TableRow({ tableHeader: true, children: block.columns.map((c) => cell(c, true)) }),
            ...block.rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

/** Agenda and annual report as Word documents: organisation heading, title, then the blocks in order. */
export class DocxReportRenderer implements ReportRenderer {
  constructor(private readonly organisationName: string) {}

  async render(report: ReportDocument): Promise<RenderedReport> {
    const document = new Document({
      creator: this.organisationName,
      title: report.title,
      styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(report.title)] }),
            ...report.blocks.flatMap(render),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(document);
    return { fileName: `${report.baseName}.docx`, contentType: DOCX_CONTENT_TYPE, bytes: new Uint8Array(bytes) };
  }
}
