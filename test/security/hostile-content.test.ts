/**
 * Hostile content without a browser: every payload of the corpus through the email sanitiser (nothing that can run
 * or load survives), CSV cells (no formula survives), and the export checks themselves (they catch what they must).
 */
import { Document, Packer, Paragraph, SimpleField, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { sanitiseEmailHtml } from "../../src/server/adapters/email/email-html.js";
import { csvCell, csvRow } from "../../src/server/domain/csv.js";
import { xssPayloads } from "../fixtures/xss-payloads.js";
import { csvCells, csvFormulaCells, docxActiveContent } from "../support/export-safety.js";

const payloads = xssPayloads();

/** What may never be left in sanitised HTML: anything that runs script, loads a page or navigates. */
const ACTIVE = [
  /<script/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<svg/i,
  /<math/i,
  /<base/i,
  /<meta/i,
  /<form/i,
  /<style/i,
  /<template/i,
  /<input/i,
  /<video/i,
  /<details/i,
  /<body/i,
  /\son[a-z]+\s*=/i,
  /\ssrcdoc\s*=/i,
  /(href|src|action|xlink:href)\s*=\s*["']?\s*(javascript|data:text|vbscript)/i,
  /expression\s*\(/i,
  /url\s*\(/i,
];

test(`the corpus holds at least 500 distinct payloads (${payloads.length})`, () => {
  expect(payloads.length).toBeGreaterThanOrEqual(500);
  expect(new Set(payloads.map((p) => p.text)).size).toBe(payloads.length);
  expect(new Set(payloads.map((p) => p.id)).size).toBe(payloads.length);
});

describe("email HTML", () => {
  test("each payload, alone and all together, leaves nothing active after sanitising", () => {
    const survivors: string[] = [];
    for (const p of payloads) {
      const clean = sanitiseEmailHtml(`<div>${p.text}</div>`);
      for (const pattern of ACTIVE)
        if (pattern.test(clean)) survivors.push(`${p.id} ${p.vector}/${p.context}: ${clean}`);
    }
    const together = sanitiseEmailHtml(payloads.map((p) => p.text).join("<br>"));
    for (const pattern of ACTIVE) if (pattern.test(together)) survivors.push(`all together: ${pattern}`);
    expect(survivors).toEqual([]);
  });

  test("sanitising twice changes nothing (no mutation on a second parse)", () => {
    for (const p of payloads) {
      const once = sanitiseEmailHtml(p.text);
      expect(sanitiseEmailHtml(once), p.id).toBe(once);
    }
  });
});

describe("CSV exports", () => {
  test("no payload is left as a formula, and text round-trips behind the apostrophe", () => {
    const csv = payloads.map((p) => csvRow([p.id, p.text, 42, -3.5])).join("");
    expect(csvFormulaCells(csv)).toEqual([]);
    const rows = csvCells(csv);
    expect(rows).toHaveLength(payloads.length);
    for (const [i, p] of payloads.entries()) {
      const cell = rows[i]?.[1] ?? "";
      expect(cell === p.text || cell === `'${p.text}`, p.id).toBe(true);
    }
  });

  test("formula starts are neutralised; numbers, empty and plain text are left alone", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("-2")).toBe("-2");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Jane, Smith")).toBe('"Jane, Smith"');
  });

  test("the check itself finds an unneutralised formula", () => {
    expect(csvFormulaCells('a,=1+1\r\n"+cmd",b\r\n')).toEqual(["=1+1", "+cmd"]);
  });
});

describe("the .docx check", () => {
  test("a document with only text runs (payloads included) is inert", async () => {
    const doc = new Document({
      sections: [{ children: payloads.slice(-40).map((p) => new Paragraph({ children: [new TextRun(p.text)] })) }],
    });
    expect(await docxActiveContent(await Packer.toBuffer(doc))).toEqual([]);
  });

  test("a field code, an external link and a macro part are each found", async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new SimpleField('HYPERLINK "javascript:alert(1)"')] })] }],
    });
    expect((await docxActiveContent(await Packer.toBuffer(doc))).join()).toMatch(/field/);
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
    zip.file("word/vbaProject.bin", "x");
    zip.file(
      "word/_rels/extra.xml.rels",
      '<Relationships><Relationship Id="r9" Target="http://x" TargetMode="External"/></Relationships>',
    );
    const problems = await docxActiveContent(await zip.generateAsync({ type: "uint8array" }));
    expect(problems.join()).toMatch(/vbaProject/);
    expect(problems.join()).toMatch(/external relationship/);
  });
});
