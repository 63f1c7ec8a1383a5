/**
 * The harness's mailbox: the .eml plays the open Outlook item. Its summary is at hand without waiting (the pane's
 * first render shows it), the same as `readItem` gives, and the message is handed over byte for byte.
 */
import { describe, expect, test } from "vitest";
import { createEmlMailbox } from "../../../src/outlook/harness/eml-mailbox.js";
import { SAMPLE_EMAILS } from "../../../src/outlook/harness/samples.js";

const bytesOf = (id: string): Uint8Array => {
  const sample = SAMPLE_EMAILS.find((s) => s.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return new TextEncoder().encode(sample.eml);
};

describe("harness mailbox", () => {
  test("has what the pane shows at hand, the same as readItem: sender, received, subject, attachments, thread", async () => {
    const mailbox = createEmlMailbox({ bytes: bytesOf("assessment-follow-up") });
    const atHand = mailbox.itemAtHand?.();
    expect(atHand).toEqual(await mailbox.readItem());
    expect(atHand).toMatchObject({
      internetMessageId: "<harness-assessment-2@example.org>",
      // The thread's first message stands in for Outlook's conversation id, so a follow-up finds the case.
      conversationId: "harness:<harness-assessment-1@example.org>",
      subject: "Re: Unit 4 assessment - very disappointed",
      from: { name: "Jane Okoro", address: "jane.okoro@example.org" },
      receivedAt: "2026-11-26T08:40:10.000Z",
      attachments: [],
    });
    const first = createEmlMailbox({ bytes: bytesOf("assessment-complaint") }).itemAtHand?.();
    expect(first?.attachments.map((a) => a.name)).toEqual(["feedback-sheet.txt"]);
  });

  test("hands over the very bytes it was given", async () => {
    const bytes = bytesOf("employer-complaint");
    const content = await createEmlMailbox({ bytes }).readMessage();
    expect(content.kind).toBe("eml");
    if (content.kind === "eml") expect(content.bytes).toEqual(bytes);
  });
});
