/**
 * A complainant's data protection rights (issue 6.6): erasure on request (the person's details and documents
 * removed, the procedural facts kept, recorded) and the subject access export (everything held, one zip, recorded
 * in each case's audit).
 */
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { eraseComplainant } from "../../../src/server/app/erase-complainant.js";
import { exportSubjectAccess } from "../../../src/server/app/export-subject-access.js";
import { AppError } from "../../../src/server/domain/app-error.js";
import { ADMIN, DIRECTOR, DIRECTOR_2, HANDLER, type Harness, openHarness } from "./data-protection-harness.js";

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const codeOf = async (work: Promise<unknown>): Promise<string> =>
  work.then(
    () => "resolved",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("erasure on request", () => {
  test("removes the person's name, address, words and documents from their closed cases; facts kept; logged", async () => {
    const first = await h.seed({
      reference: "CMP-2026-0010",
      complainant: { name: "Ana Person", email: "Ana.Person@example.org" },
      documents: [{ name: "complaint.eml", kind: "email", text: "From: Ana Person" }],
    });
    const second = await h.seed({
      reference: "CMP-2026-0011",
      complainant: { name: "Ana Person", email: "ana.person@example.org" },
    });
    const other = await h.seed({
      reference: "CMP-2026-0012",
      complainant: { name: "Ben Other", email: "ben@example.org" },
      documents: [{ name: "complaint.eml", kind: "email", text: "From: Ben" }],
    });

    expect(
      await codeOf(eraseComplainant({ deps: h.deps, actor: DIRECTOR, email: "ana.person@example.org", reason: "x" })),
    ).toBe("FORBIDDEN");
    const { references } = await eraseComplainant({
      deps: h.deps,
      actor: ADMIN,
      email: "ANA.PERSON@example.org",
      reason: "request of 1 December",
    });
    expect(references.sort()).toEqual(["CMP-2026-0010", "CMP-2026-0011"]);

    for (const c of [first, second]) {
      const erased = await h.store.getCase(c.id);
      expect(JSON.stringify(erased)).not.toMatch(/Ana|ana\.person/i);
      expect(erased).toMatchObject({ reference: c.reference, stage: "closed", responseDueDate: c.responseDueDate });
      expect(erased?.outcome?.appealDeadline).toBe(c.outcome?.appealDeadline);
      expect(erased?.flags).toContain("anonymised");
      const timeline = await h.store.listTimeline(c.id);
      expect(JSON.stringify(timeline)).not.toContain("Ana");
      expect(timeline.at(-1)).toMatchObject({ kind: "anonymised", actorId: "admin" });
    }
    expect(await h.store.listDocuments(first.id)).toEqual([]);
    expect(await h.fileExists("CMP-2026-0010", "complaint.eml")).toBe(false);
    // Someone else's case is untouched.
    expect((await h.store.getCase(other.id))?.complainant.name).toBe("Ben Other");
    expect(await h.fileExists("CMP-2026-0012", "complaint.eml")).toBe(true);
    // Nobody is found by the old address any more.
    expect(
      (await h.store.listCases({ scope: { all: true }, q: "ana.person", today: "2026-12-01", limit: 10 })).cases,
    ).toEqual([]);

    const log = await h.store.listDataProtectionLog(10);
    expect(log.map((e) => [e.action, e.reference]).sort()).toEqual([
      ["erasure", "CMP-2026-0010"],
      ["erasure", "CMP-2026-0011"],
    ]);
    expect(log[0]?.detail).toContain("request of 1 December");
  });

  test("an open complaint is not erased until it is withdrawn or closed; nothing changes meanwhile", async () => {
    const closed = await h.seed({ reference: "CMP-2026-0020", complainant: { name: "Cy", email: "cy@example.org" } });
    const open = await h.seed({
      reference: "CMP-2026-0021",
      complainant: { name: "Cy", email: "cy@example.org" },
      closedAt: null,
    });
    const error = await eraseComplainant({ deps: h.deps, actor: ADMIN, caseId: open.id, reason: "request" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("GUARD_NOT_MET");
    expect((error as AppError).userMessage).toContain("CMP-2026-0021 is still open");
    expect((await h.store.getCase(closed.id))?.complainant.name).toBe("Cy");
  });
});

describe("subject access export", () => {
  test("one zip holds every case of the person with its record, history, read audit and documents", async () => {
    const a = await h.seed({
      reference: "CMP-2026-0030",
      complainant: { name: "Dee Subject", email: "dee@example.org" },
      documents: [
        { name: "complaint.eml", kind: "email", text: "From: Dee Subject\r\n\r\nMy complaint" },
        { name: "outcome.docx", kind: "letter", text: "binary-ish letter bytes" },
      ],
    });
    await h.seed({ reference: "CMP-2026-0031", complainant: { name: "Dee Subject", email: null } });
    await h.seed({ reference: "CMP-2026-0032", complainant: { name: "Someone Else", email: "else@example.org" } });

    expect(await codeOf(exportSubjectAccess({ deps: h.deps, actor: HANDLER, email: "dee@example.org" }))).toBe(
      "FORBIDDEN",
    );
    // The admin runs the service and never sees case content (DESIGN §1): the export is the directors'.
    expect(await codeOf(exportSubjectAccess({ deps: h.deps, actor: ADMIN, email: "dee@example.org" }))).toBe(
      "FORBIDDEN",
    );
    const byEmail = await exportSubjectAccess({ deps: h.deps, actor: DIRECTOR, email: "dee@example.org" });
    expect(byEmail.references).toEqual(["CMP-2026-0030"]);
    const byName = await exportSubjectAccess({ deps: h.deps, actor: DIRECTOR_2, name: "  dee   subject " });
    expect(byName.references.sort()).toEqual(["CMP-2026-0030", "CMP-2026-0031"]);
    expect(byName.fileName).toBe("subject-access-2026-12-01.zip");

    const zip = await JSZip.loadAsync(byName.bytes);
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]?.dir)
      .sort();
    expect(names).toEqual([
      "CMP-2026-0030/case.json",
      "CMP-2026-0030/documents.json",
      "CMP-2026-0030/documents/complaint.eml",
      "CMP-2026-0030/documents/outcome.docx",
      "CMP-2026-0030/read-audit.json",
      "CMP-2026-0030/timeline.json",
      "CMP-2026-0031/case.json",
      "CMP-2026-0031/documents.json",
      "CMP-2026-0031/read-audit.json",
      "CMP-2026-0031/timeline.json",
      "README.txt",
    ]);
    const record = JSON.parse(await (zip.file("CMP-2026-0030/case.json") as JSZip.JSZipObject).async("string"));
    expect(record).toMatchObject({ reference: "CMP-2026-0030", complainant: { name: "Dee Subject" } });
    expect(await (zip.file("CMP-2026-0030/documents/complaint.eml") as JSZip.JSZipObject).async("string")).toBe(
      "From: Dee Subject\r\n\r\nMy complaint",
    );
    const reads = JSON.parse(await (zip.file("CMP-2026-0030/read-audit.json") as JSZip.JSZipObject).async("string"));
    // The seeded read by a director, and the earlier export by e-mail address (recorded before this one was made).
    expect(reads.map((r: { via: string }) => r.via)).toEqual(["tab", "subject-access-export"]);
    const timeline = JSON.parse(await (zip.file("CMP-2026-0030/timeline.json") as JSZip.JSZipObject).async("string"));
    expect(timeline.map((t: { kind: string }) => t.kind)).toContain("logged");
    expect(JSON.stringify(Object.keys(zip.files))).not.toContain("CMP-2026-0032");

    // Recorded: each case's read audit and history, and the data protection log.
    const audit = await h.store.listReads(a.id);
    expect(audit.filter((r) => r.via === "subject-access-export").map((r) => r.actorId)).toEqual([
      "director",
      "director-2",
    ]);
    expect((await h.store.listTimeline(a.id)).filter((t) => t.kind === "subject-access-export")).toHaveLength(2);
    const log = await h.store.listDataProtectionLog(5);
    expect(log.map((e) => e.action)).toEqual(["subject-access-export", "subject-access-export"]);
    expect(JSON.stringify(log)).not.toMatch(/Dee|dee@/);
  });

  test("nobody by that address or name: a clear not-found, nothing recorded", async () => {
    expect(await codeOf(exportSubjectAccess({ deps: h.deps, actor: DIRECTOR, email: "nobody@example.org" }))).toBe(
      "NOT_FOUND",
    );
    expect(await h.store.listDataProtectionLog(5)).toEqual([]);
  });
});
