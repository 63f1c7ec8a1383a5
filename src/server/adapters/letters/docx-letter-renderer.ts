import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Letter } from "../../domain/letters.js";
import type { LetterRenderer, RenderedLetter } from "../../ports/letter-renderer.js";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const TITLES: Record<Letter["kind"], string> = {
  acknowledgement: "Acknowledgement of your complaint",
  outcome: "The outcome of your complaint",
  "appeal-decision": "The decision on your appeal",
};

/**
 * The letter template: the organisation's letter heading, the title, then the domain's words paragraph by
 * paragraph. Word, Word on the web and the SharePoint previewer all open it.
 */
export class DocxLetterRenderer implements LetterRenderer {
  constructor(private readonly organisationName: string) {}

  async render(letter: Letter): Promise<RenderedLetter> {
    const headings = new Set(letter.headings ?? []);
    const organisationName = letter.organisationName ?? this.organisationName;
    const paragraphs = letter.text
      .split("\n")
      .map((line) =>
        headings.has(line)
          ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(line)] })
          : new Paragraph({ spacing: { after: line === "" ? 0 : 120 }, children: [new TextRun(line)] }),
      );
    const document = new Document({
      creator: organisationName,
      title: `${TITLES[letter.kind]} — ${letter.baseName}`,
      styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
      sections: [
        {
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: organisationName, bold: true, size: 28 })],
            }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(TITLES[letter.kind])] }),
            ...paragraphs,
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(document);
    return { fileName: `${letter.baseName}.docx`, contentType: DOCX_CONTENT_TYPE, bytes: new Uint8Array(bytes) };
  }
}
