/**
 * The streaming side of intake: reads a message's envelope (ids, dates, subject, sender) and its content key while
 * the upload streams to disk, so intake can log the case without parsing the body. Attachments are extracted
 * later, from the stored .eml (extract-email-parts.ts).
 */
import { MailParser } from "mailparser";
import { AppError } from "../../domain/app-error.js";
import type { EmailEnvelope, EmailEnvelopeReader } from "../../ports/email-parser.js";
import { ContentKeyHasher } from "./content-key.js";
import { isMessageHeaderBlock, messageStart } from "./header-block.js";
import { envelopeOf, NOT_AN_EMAIL_MESSAGE } from "./parse-email.js";

/** Enough to see past a byte order mark and an mbox "From " line, which is all `messageStart` looks at. */
const PREFIX_BYTES = 64 * 1024;

export class StreamingEnvelopeReader implements EmailEnvelopeReader {
  private readonly key = new ContentKeyHasher();
  /** The first bytes, until the start of the message proper is known; null after. */
  private prefix: Buffer | null = Buffer.alloc(0);

  update(chunk: Buffer): void {
    if (this.prefix === null) {
      this.key.update(chunk);
      return;
    }
    this.prefix = Buffer.concat([this.prefix, chunk]);
    if (this.prefix.includes(0x0a) || this.prefix.length >= PREFIX_BYTES) this.flushPrefix();
  }

  async finish(): Promise<EmailEnvelope> {
    if (this.prefix !== null) this.flushPrefix();
    const keyed = this.key.digest();
    if (!isMessageHeaderBlock(keyed.headers)) throw new AppError("NOT_AN_EMAIL", NOT_AN_EMAIL_MESSAGE);
    return envelopeOf(keyed, await decodeHeaders(keyed.headerBlock));
  }

  private flushPrefix(): void {
    const bytes = this.prefix ?? Buffer.alloc(0);
    this.prefix = null;
    this.key.update(bytes.subarray(messageStart(bytes)));
  }
}

/**
 * mailparser over the header block alone (and an empty body): it decodes subject and addresses exactly as it does
 * in the full parse, and a header block is a few kilobytes, so this is cheap whatever the size of the message.
 */
function decodeHeaders(headerBlock: Buffer): Promise<MailParser> {
  return new Promise((resolve) => {
    const parser = new MailParser({ checksumAlgo: false, ignoreEmbedded: true, skipHtmlToText: true });
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      resolve(parser);
    };
    parser.on("data", (data: { type: string; release?: () => void; content?: { resume(): void } }) => {
      if (data.type === "attachment") {
        data.content?.resume();
        data.release?.();
      }
    });
    // Headers mailparser cannot read leave its fields empty; the raw header values still give ids and dates.
    parser.on("error", settle);
    parser.on("end", settle);
    parser.end(Buffer.concat([headerBlock, Buffer.from("\r\n")]));
  });
}

export const streamingEnvelopeReader = (): EmailEnvelopeReader => new StreamingEnvelopeReader();
