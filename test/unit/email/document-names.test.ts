import { describe, expect, it } from "vitest";
import {
  MAX_DOCUMENT_NAME_LENGTH,
  safeDocumentName,
  uniqueDocumentName,
} from "../../../src/server/domain/document-names.js";

const safe = (raw: string | undefined): string => safeDocumentName(raw, "attachment.bin");

describe("safeDocumentName", () => {
  it("keeps only the last path segment, so no name can choose a folder", () => {
    expect(safe("../../etc/passwd")).toBe("passwd");
    expect(safe("..\\..\\Windows\\system.ini")).toBe("system.ini");
    expect(safe("C:\\Users\\me\\Desktop\\letter.docx")).toBe("letter.docx");
    expect(safe("..")).toBe("attachment.bin");
    expect(safe("../")).toBe("attachment.bin");
  });

  it("replaces characters Windows or SharePoint refuse, and drops control and bidi characters", () => {
    expect(safe('a"b*c:d<e>f?g|h#i%j.txt')).toBe("a_b_c_d_e_f_g_h_i_j.txt");
    expect(safe("line\r\nbreak\u0000.txt")).toBe("linebreak.txt");
    // U+202E would display "invoice\u202Efdp.exe" as "invoiceexe.pdf"
    expect(safe("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
  });

  it("trims spaces and dots at either end", () => {
    expect(safe("  report.pdf . ")).toBe("report.pdf");
    expect(safe(".hidden")).toBe("hidden");
    expect(safe("...")).toBe("attachment.bin");
  });

  it("never gives a reserved Windows device name, whatever the extension", () => {
    expect(safe("CON.txt")).toBe("_CON.txt");
    expect(safe("con")).toBe("_con");
    expect(safe("nul.tar.gz")).toBe("_nul.tar.gz");
    expect(safe("COM1.log")).toBe("_COM1.log");
    expect(safe("lpt9")).toBe("_lpt9");
    expect(safe("CONSOLE.txt")).toBe("CONSOLE.txt");
    expect(safe("com10.txt")).toBe("com10.txt");
  });

  it("avoids the names SharePoint reserves", () => {
    expect(safe("~$budget.xlsx")).toBe("budget.xlsx");
    expect(safe(".lock")).toBe("lock");
    expect(safe("_vti_cnf")).toBe("vti-cnf");
    expect(safe("my_vti_file.txt")).toBe("myvti-file.txt");
    expect(safe("__vti_x")).not.toMatch(/_vti_/i);
  });

  it("keeps Unicode names as they are (NFC)", () => {
    expect(safe("사진.JPG")).toBe("사진.JPG");
    expect(safe("Biodiversité de semaine en semaine.doc")).toBe("Biodiversité de semaine en semaine.doc");
    expect(safe("nyan cat ✔.gif")).toBe("nyan cat ✔.gif");
    expect(safe("Cafe\u0301.pdf")).toBe("Café.pdf");
  });

  it(`caps long names at ${MAX_DOCUMENT_NAME_LENGTH} characters, keeping the extension`, () => {
    const long = `${"a".repeat(300)}.pdf`;
    const name = safe(long);
    expect(name).toHaveLength(MAX_DOCUMENT_NAME_LENGTH);
    expect(name.endsWith(".pdf")).toBe(true);
    // astral characters count once and are never split in half
    const emoji = safe(`${"😀".repeat(200)}.txt`);
    expect(Array.from(emoji)).toHaveLength(MAX_DOCUMENT_NAME_LENGTH);
    expect(emoji.endsWith("😀.txt")).toBe(true);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("falls back when nothing usable is left, cleaning the fallback too", () => {
    expect(safeDocumentName(undefined, "image.png")).toBe("image.png");
    expect(safeDocumentName("", "image.png")).toBe("image.png");
    expect(safeDocumentName("///", "../x.eml")).toBe("x.eml");
    expect(safeDocumentName("", "")).toBe("document");
  });
});

describe("uniqueDocumentName", () => {
  it("answers the name itself when it is free", () => {
    expect(uniqueDocumentName("report.pdf", new Set(["other.pdf"]))).toBe("report.pdf");
  });

  it("numbers duplicates from (2), ignoring case", () => {
    const taken = new Set<string>();
    const names = ["report.pdf", "report.pdf", "REPORT.pdf", "Report.PDF"].map((n) => {
      const unique = uniqueDocumentName(n, taken);
      taken.add(unique);
      return unique;
    });
    expect(names).toEqual(["report.pdf", "report (2).pdf", "REPORT (3).pdf", "Report (4).PDF"]);
  });

  it("keeps a name without an extension recognisable", () => {
    expect(uniqueDocumentName("attach01", new Set(["ATTACH01"]))).toBe("attach01 (2)");
  });

  it("stays within the length cap when numbering a long name", () => {
    const long = safe(`${"b".repeat(200)}.docx`);
    const unique = uniqueDocumentName(long, new Set([long]));
    expect(unique.length).toBeLessThanOrEqual(MAX_DOCUMENT_NAME_LENGTH);
    expect(unique.endsWith(" (2).docx")).toBe(true);
  });
});
