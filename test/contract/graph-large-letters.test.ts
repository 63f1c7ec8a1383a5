/**
 * Letters with attachments over one sendMail request (~3 MB): a draft in the shared mailbox, large files through an
 * attachment upload session in ranges, then the draft sent — against the Graph emulator with the real msal-node and
 * Graph clients. A retry never sends twice: a half-built draft is replaced, and a send whose answer was lost is found
 * in Sent Items by its marker.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { GraphMailer, MARKER_PROPERTY } from "../../src/server/adapters/graph/graph-mailer.js";
import { DeliveryError } from "../../src/server/ports/delivery-error.js";
import type { OutgoingEmail } from "../../src/server/ports/mailer.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";

const MB = 1024 * 1024;
let emulator: GraphEmulator;
let graph: GraphConnection;
let mailer: GraphMailer;
const evidence = randomBytes(7 * MB + 12_345); // a scanned bundle of evidence: three ranges of 3 MiB
const letter = randomBytes(40_000);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const email = (marker: string): OutgoingEmail => ({
  marker,
  to: [{ name: "Sam Learner", address: "sam@example.org" }],
  subject: "The outcome of your complaint (CMP-2026-0007)",
  text: "Please find our letter attached.",
  attachments: [
    { name: "outcome-letter.docx", contentType: "application/octet-stream", content: letter },
    { name: "evidence.pdf", contentType: "application/pdf", content: evidence },
  ],
});

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  graph = connectToEmulator(emulator);
  mailer = new GraphMailer({
    graph: graph.appGraph,
    transport: graph.transport,
    sharedMailbox: emulator.options.sharedMailbox,
    settleMs: 10,
  });
});
afterAll(async () => {
  graph.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.faults.clear();
});

const sentWith = (marker: string) => emulator.sent.filter((s) => s.marker === marker);

describe("large letters through a draft and an attachment upload session", () => {
  test("the evidence arrives whole, uploaded in ranges under 4 MB without an Authorization header; one message sent", async () => {
    await mailer.send(email("CMP-2026-0007/big-1"));
    const [sent, ...more] = sentWith("CMP-2026-0007/big-1");
    expect(more).toHaveLength(0);
    expect(sent?.mailbox).toBe(emulator.options.sharedMailbox);
    const message = sent?.message as {
      subject: string;
      singleValueExtendedProperties: unknown[];
      attachments: Array<{ name: string; contentBytes: string; via: string }>;
    };
    expect(message.subject).toBe("The outcome of your complaint (CMP-2026-0007)");
    expect(message.singleValueExtendedProperties).toEqual([{ id: MARKER_PROPERTY, value: "CMP-2026-0007/big-1" }]);
    const byName = new Map(message.attachments.map((a) => [a.name, a]));
    expect(sha(Buffer.from(byName.get("evidence.pdf")?.contentBytes ?? "", "base64"))).toBe(sha(evidence));
    expect(byName.get("evidence.pdf")?.via).toBe("upload-session");
    expect(sha(Buffer.from(byName.get("outcome-letter.docx")?.contentBytes ?? "", "base64"))).toBe(sha(letter));
    expect(byName.get("outcome-letter.docx")?.via).toBe("post");
    expect(emulator.mailbox.ranges.filter((r) => r.startsWith("evidence.pdf"))).toEqual([
      `evidence.pdf bytes 0-${3 * MB - 1}/${evidence.length}`,
      `evidence.pdf bytes ${3 * MB}-${6 * MB - 1}/${evidence.length}`,
      `evidence.pdf bytes ${6 * MB}-${evidence.length - 1}/${evidence.length}`,
    ]);
    expect(emulator.mailbox.refusedAuthorization).toEqual([]);
    expect(emulator.mailbox.drafts.size).toBe(0);
    expect(await mailer.findSent("CMP-2026-0007/big-1")).not.toBeNull();
  });

  test("an upload that fails half-way leaves a draft; the retry replaces it and sends exactly one complete message", async () => {
    emulator.faults.add({
      match: /^PUT \/outlook\/AttachmentSessions\//,
      kind: "status",
      status: 503,
      times: 1,
      retryAfterSeconds: 2,
    });
    const failure = (await mailer.send(email("CMP-2026-0007/big-2")).catch((e: unknown) => e)) as DeliveryError;
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.permanent).toBe(false);
    expect(failure.status).toBe(503);
    expect(failure.retryAfterMs).toBe(2000);
    expect(sentWith("CMP-2026-0007/big-2")).toHaveLength(0);
    expect(emulator.mailbox.drafts.size).toBe(1); // the half-attached draft, not sent

    await mailer.send(email("CMP-2026-0007/big-2"));
    const sent = sentWith("CMP-2026-0007/big-2");
    expect(sent).toHaveLength(1);
    const attachments = (sent[0]?.message as { attachments?: Array<{ name: string }> } | undefined)?.attachments ?? [];
    expect(attachments.map((a) => a.name).sort()).toEqual(["evidence.pdf", "outcome-letter.docx"]);
    expect(emulator.mailbox.drafts.size).toBe(0);
  });

  test("the send's answer is lost: the outcome is unknown, and the marker is found in Sent Items so no retry sends again", async () => {
    emulator.faults.add({
      match: /^POST \/v1\.0\/users\/[^/]+\/messages\/[^/]+\/send$/,
      kind: "drop-answer",
      times: 1,
    });
    const failure = (await mailer.send(email("CMP-2026-0007/big-3")).catch((e: unknown) => e)) as DeliveryError;
    expect(failure.outcomeUnknown).toBe(true);
    expect(failure.throttled).toBe(false); // our own settling wait, not Graph's: other letters are not held up
    // What the outbox does before any retry (send-case-email.ts): look for the marker first.
    expect(await mailer.findSent("CMP-2026-0007/big-3")).not.toBeNull();
    expect(sentWith("CMP-2026-0007/big-3")).toHaveLength(1);
  });

  test("small letters still go in one sendMail; without an upload route large ones are refused as before", async () => {
    await mailer.send({ ...email("CMP-2026-0007/small"), attachments: [email("x").attachments[0] as never] });
    expect(emulator.calls.get("POST sendMail")).toBe(1);
    const noUploads = new GraphMailer({ graph: graph.appGraph, sharedMailbox: emulator.options.sharedMailbox });
    const refused = (await noUploads.send(email("CMP-2026-0007/big-4")).catch((e: unknown) => e)) as DeliveryError;
    expect(refused.permanent).toBe(true);
  });
});
