/**
 * The harness's small .eml reader against real-world messages (../shared/reference/eml, skipped when absent) and
 * mailparser's reading of them: it must never throw, and must agree on the sender and subject the pane shows.
 */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, test } from "vitest";
import { parseEml } from "../../../src/outlook/harness/parse-eml.js";
import { SAMPLE_EMAILS } from "../../../src/outlook/harness/samples.js";
import { PROJECT_ROOT } from "../../support/start-server.js";

const EML_DIR = path.resolve(PROJECT_ROOT, "../shared/reference/eml");
const files = fs.existsSync(EML_DIR) ? fs.readdirSync(EML_DIR).filter((f) => f.endsWith(".eml")) : [];
if (files.length === 0) console.warn(`Skipping the real-message checks: no .eml files in ${EML_DIR}.`);

describe("harness .eml reader", () => {
  test.skipIf(files.length === 0)(
    "reads every real-world message, agreeing with mailparser on sender and subject",
    async () => {
      let agreed = 0;
      for (const file of files) {
        const bytes = fs.readFileSync(path.join(EML_DIR, file));
        const ours = parseEml(new Uint8Array(bytes));
        const theirs = await simpleParser(bytes);
        const subjectAgrees = ours.subject.trim() === (theirs.subject ?? "").trim();
        const fromAgrees = (ours.from?.address ?? "") === (theirs.from?.value[0]?.address ?? "");
        if (subjectAgrees && fromAgrees) agreed++;
      }
      // Malformed messages may be read differently; the pane only shows these fields, nothing depends on them.
      expect(agreed / files.length).toBeGreaterThanOrEqual(0.8);
    },
  );

  test("reads the samples: ids, thread, sender, attachments and text", () => {
    const sample = SAMPLE_EMAILS.find((s) => s.id === "assessment-follow-up");
    const parsed = parseEml(new TextEncoder().encode(sample?.eml));
    expect(parsed).toMatchObject({
      messageId: "<harness-assessment-2@example.org>",
      inReplyTo: "<harness-assessment-1@example.org>",
      references: ["<harness-assessment-1@example.org>"],
      from: { name: "Jane Okoro", address: "jane.okoro@example.org" },
      receivedAt: "2026-11-26T08:40:10.000Z",
    });
    const first = parseEml(new TextEncoder().encode(SAMPLE_EMAILS[0]?.eml));
    expect(first.attachments.map((a) => a.name)).toEqual(["feedback-sheet.txt"]);
    expect(first.text).toContain("very disappointed");
  });

  test("decodes encoded words in the subject and the sender's name", () => {
    const raw = [
      "From: =?UTF-8?B?QW3DqWxpZSBEdWJvaXM=?= <amelie@example.org>",
      "Subject: =?UTF-8?Q?Tr=C3=A8s_d=C3=A9=C3=A7ue?=",
      "",
      "Bonjour",
    ].join("\r\n");
    const parsed = parseEml(new TextEncoder().encode(raw));
    expect(parsed.subject).toBe("Très déçue");
    expect(parsed.from).toEqual({ name: "Amélie Dubois", address: "amelie@example.org" });
  });
});
