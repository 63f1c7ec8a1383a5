/**
 * Distinct 1 MB emails for the intake benchmark, cheaply. One multipart/mixed template is built up front: a text
 * body and two attachments of random bytes, base64 encoded as mail clients do. Each `next()` copies it and patches,
 * in place and at fixed width, the Message-ID and the first 12 bytes of each attachment. So every message is a new
 * case (new Message-ID, new content key) with attachments never seen before (new blobs, no de-duplication).
 */
import { randomBytes } from "node:crypto";

const MARKER = (index: number): Buffer => Buffer.from(`BENCH-ATT-${String(index).padStart(2, "0")}`, "latin1"); // 12 bytes
const ID_PLACEHOLDER = "#".repeat(12);

export interface EmailCorpusOptions {
  attachments: number;
  attachmentBytes: number;
}

export class EmailCorpus {
  readonly bytes: number;
  readonly attachmentBytes: number;
  private readonly template: Buffer;
  private readonly idOffset: number;
  private readonly markerOffsets: number[];
  private readonly runTag = randomBytes(3);
  private counter = 0;

  constructor(options: EmailCorpusOptions) {
    const boundary = `----=_Part_${randomBytes(8).toString("hex")}`;
    const tag = this.runTag.toString("hex");
    const lines = [
      "Received: from mx.example.org by mail.cmsvoc.example; Tue, 24 Nov 2026 10:15:02 +0000",
      "From: Jane Learner <jane.learner@example.org>",
      "To: complaints@cmsvoc.example",
      "Subject: Complaint about my assessment (benchmark)",
      "Date: Tue, 24 Nov 2026 10:15:00 +0000",
      `Message-ID: <bench-${tag}-${ID_PLACEHOLDER}@bench.redress.invalid>`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 7bit",
      "",
      "I am unhappy with how my assessment was handled and would like this looked into.",
      "The marked scripts and my tutor's emails are attached.",
      "",
    ];
    for (let i = 0; i < options.attachments; i++) {
      const content = randomBytes(options.attachmentBytes);
      MARKER(i).copy(content, 0);
      lines.push(
        `--${boundary}`,
        `Content-Type: application/pdf; name="evidence-${i + 1}.pdf"`,
        "Content-Transfer-Encoding: base64",
        `Content-Disposition: attachment; filename="evidence-${i + 1}.pdf"`,
        "",
        ...(content.toString("base64").match(/.{1,76}/g) ?? []),
        "",
      );
    }
    lines.push(`--${boundary}--`, "");
    this.template = Buffer.from(lines.join("\r\n"), "latin1");
    this.bytes = this.template.length;
    this.attachmentBytes = options.attachments * options.attachmentBytes;
    this.idOffset = this.template.indexOf(ID_PLACEHOLDER, 0, "latin1");
    this.markerOffsets = Array.from({ length: options.attachments }, (_, i) =>
      this.template.indexOf(MARKER(i).toString("base64"), 0, "latin1"),
    );
    if (this.idOffset < 0 || this.markerOffsets.some((o) => o < 0)) throw new Error("Email template markers not found");
  }

  /** A new message: its own Message-ID and attachment bytes, the same size as every other. */
  next(): Buffer {
    const n = this.counter++;
    const message = Buffer.from(this.template);
    message.write(String(n).padStart(ID_PLACEHOLDER.length, "0"), this.idOffset, "latin1");
    this.markerOffsets.forEach((offset, i) => {
      // 12 bytes (16 base64 characters, no padding): the counter, the attachment's index and the run's tag.
      const head = Buffer.alloc(12);
      head.writeBigUInt64BE(BigInt(n), 0);
      head[8] = i;
      this.runTag.copy(head, 9);
      message.write(head.toString("base64"), offset, "latin1");
    });
    return message;
  }
}
