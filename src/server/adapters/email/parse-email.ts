/**
 * Parses a raw message (.eml) already on disk into what intake needs, with memory bounded whatever its size (up to
 * 150 MB): mailparser's streaming parser reads the file, every attachment is streamed to its own temporary file
 * while hashed, and the content key is computed by a second streaming read. Only the text bodies are held in memory.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AddressObject, AttachmentStream, EmailAddress, MessageText } from "mailparser";
import { MailParser } from "mailparser";
import { AppError } from "../../domain/app-error.js";
import { safeDocumentName, uniqueDocumentName } from "../../domain/document-names.js";
import type { EmailEnvelope, ParsedAddress, ParsedAttachment, ParsedEmail } from "../../ports/email-parser.js";
import { type ContentKeyResult, readContentKey } from "./content-key.js";
import { parseEmailDate, receivedDate } from "./email-date.js";
import { htmlToPlainText, sanitiseEmailHtml } from "./email-html.js";
import { sniffMessageStart, unfold } from "./header-block.js";

export type { ParsedAddress, ParsedAttachment, ParsedEmail };

export const NOT_AN_EMAIL_MESSAGE = "This is not an email message. Send the raw message (.eml), exactly as received.";
const UNREADABLE_MESSAGE =
  "This email could not be read: its headers are damaged or too large. Send the raw message (.eml), exactly as received.";
export const DEFAULT_MAX_ATTACHMENTS = 100;
/** The name the message itself is stored under beside its attachments, so no attachment may take it. */
export const MESSAGE_DOCUMENT_NAME = "message.eml";
// Deriving text from many megabytes of HTML takes seconds; longer HTML keeps its text empty rather than stall intake.
const MAX_HTML_TO_TEXT = 5_000_000;

const FALLBACK_NAMES: Record<string, string> = {
  "message/rfc822": "attached message.eml",
  "message/delivery-status": "delivery status.txt",
  "text/calendar": "invitation.ics",
  "text/plain": "attachment.txt",
  "text/html": "attachment.html",
  "text/watch-html": "attachment.html",
  "application/pdf": "attachment.pdf",
  "image/png": "image.png",
  "image/jpeg": "image.jpg",
  "image/gif": "image.gif",
  "image/webp": "image.webp",
};

interface ParserOutcome {
  parser: MailParser;
  body: MessageText | null;
  attachments: ParsedAttachment[];
  /** Set when mailparser gave up part-way: what was read before stays usable. */
  failure: Error | null;
}

// Errors with a syscall are the machine's (disk full, file missing): they are not the message's fault.
const isSystemError = (err: unknown): boolean =>
  err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === "string";

const removeFiles = (paths: readonly string[]): Promise<unknown> =>
  Promise.allSettled(paths.map((p) => rm(p, { force: true })));

/** Runs mailparser over the file; attachment files it writes are listed in `created` as soon as they exist. */
function runMailParser(path: string, start: number, tempDir: string, maxAttachments: number, created: string[]) {
  return new Promise<ParserOutcome>((resolve, reject) => {
    const source = createReadStream(path, { start });
    // Embedded messages stay whole as .eml attachments (evidence); text is derived from HTML here, not by
    // mailparser, whose conversion copies link targets (javascript: ones included) into the text.
    const parser = new MailParser({ checksumAlgo: false, ignoreEmbedded: true, skipHtmlToText: true });
    const outcome: ParserOutcome = { parser, body: null, attachments: [], failure: null };
    const writing = new Set<Promise<void>>();
    const open = new Set<{ content: Readable; out: WriteStream }>();
    const taken = new Set([MESSAGE_DOCUMENT_NAME]);
    let settled = false;
    let count = 0;

    const settle = async (err?: unknown): Promise<void> => {
      if (settled) return;
      settled = true;
      const fatal = err instanceof AppError || isSystemError(err);
      if (err !== undefined) {
        source.destroy();
        parser.destroy();
        for (const { content, out } of open) {
          content.destroy();
          out.destroy();
        }
        if (!fatal) outcome.failure = err instanceof Error ? err : new Error(String(err));
      }
      await Promise.allSettled(writing);
      if (fatal) reject(err);
      else resolve(outcome);
    };

    const onAttachment = (item: AttachmentStream): void => {
      count += 1;
      if (count > maxAttachments) {
        const message = `This email has more than ${maxAttachments} attachments, more than Redress takes from one message. Save the attachments and add them to the case as documents.`;
        item.content.destroy();
        void settle(new AppError("VALIDATION_FAILED", message, { maxAttachments }));
        return;
      }
      const fallback = FALLBACK_NAMES[item.contentType.toLowerCase()] ?? "attachment";
      const filename = uniqueDocumentName(safeDocumentName(item.filename, fallback), taken);
      taken.add(filename);
      const tempPath = join(tempDir, `${randomUUID()}.part`);
      created.push(tempPath);
      const hash = createHash("sha256");
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const entry = { content: item.content, out: createWriteStream(tempPath, { flags: "wx", mode: 0o600 }) };
      open.add(entry);
      const job = pipeline(item.content, tap, entry.out).then(
        () => {
          open.delete(entry);
          outcome.attachments.push({
            filename,
            contentType: item.contentType,
            size,
            sha256: hash.digest("hex"),
            tempPath,
            inline: item.contentDisposition === "inline" || item.related === true,
            contentId: item.cid ?? null,
          });
          item.release?.();
        },
        (err: unknown) => {
          open.delete(entry);
          void settle(err);
        },
      );
      writing.add(job);
      void job.then(() => writing.delete(job));
    };

    source.on("error", (err) => void settle(err));
    parser.on("error", (err: Error) => void settle(err));
    parser.on("data", (data: AttachmentStream | MessageText) => {
      if (settled) return;
      if (data.type === "text") outcome.body = data;
      else onAttachment(data);
    });
    parser.on("end", () => void settle());
    source.pipe(parser);
  });
}

const decodeRaw = (value: string | undefined): string =>
  value === undefined ? "" : unfold(Buffer.from(value, "latin1").toString("utf8"));

const mailboxes = (value: AddressObject | AddressObject[] | undefined): ParsedAddress[] => {
  const flatten = (list: EmailAddress[]): EmailAddress[] => list.flatMap((a) => (a.group ? flatten(a.group) : [a]));
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects
    .flatMap((o) => flatten(o.value))
    .map((a) => ({ name: a.name?.trim() || null, address: a.address?.trim() || null }))
    .filter((a) => a.name !== null || a.address !== null);
};

/**
 * The envelope from the raw top-level headers (ids and dates byte-exact) and mailparser's decoded ones (subject and
 * addresses): one function for the full parse and the streaming envelope reader, so both always agree.
 */
export function envelopeOf(keyed: ContentKeyResult, parser: MailParser): EmailEnvelope {
  const header = (name: string): string => decodeRaw(keyed.headers.find((h) => h.name === name)?.value);
  const references = header("references");
  return {
    messageId: header("message-id") || null,
    inReplyTo: header("in-reply-to") || null,
    references: references.match(/<[^<>]*>/g) ?? references.split(" ").filter(Boolean),
    subject: parser.subject?.trim() || null,
    from: mailboxes(parser.from)[0] ?? null,
    to: mailboxes(parser.to),
    cc: mailboxes(parser.cc),
    date: parseEmailDate(header("date")),
    topReceivedAt: receivedDate(header("received")),
    contentKey: keyed.contentKey,
  };
}

function toParsedEmail(keyed: ContentKeyResult, outcome: ParserOutcome): ParsedEmail {
  const { parser, body } = outcome;
  const rawHtml = body?.html ?? null;
  let text = body?.text?.trim() ? body.text : null;
  if (text === null && rawHtml !== null && rawHtml.length <= MAX_HTML_TO_TEXT) text = htmlToPlainText(rawHtml) || null;
  return {
    ...envelopeOf(keyed, parser),
    text,
    html: rawHtml === null ? null : sanitiseEmailHtml(rawHtml) || null,
    attachments: outcome.attachments,
  };
}

/**
 * Parses the raw message at `path`. Throws AppError NOT_AN_EMAIL when the file does not start with a message's
 * header block (checked on the first 64 KB before any parsing) or its headers cannot be read, and
 * VALIDATION_FAILED when it has more than `maxAttachments` attachments (inline images included). A message that
 * breaks down further in gives what was read before the break: the .eml itself is kept whole by the caller.
 * On any error the temporary files are deleted; on success they belong to the caller.
 */
export async function parseEmailFile(options: {
  path: string;
  tempDir: string;
  maxAttachments?: number;
}): Promise<ParsedEmail> {
  const { path, tempDir, maxAttachments = DEFAULT_MAX_ATTACHMENTS } = options;
  const start = await sniffMessageStart(path);
  if (start === null) throw new AppError("NOT_AN_EMAIL", NOT_AN_EMAIL_MESSAGE);
  await mkdir(tempDir, { recursive: true });
  const created: string[] = [];
  try {
    // Both reads must finish before anything is decided, so no attachment file appears after a clean-up.
    const [keyed, parsed] = await Promise.allSettled([
      readContentKey(path, start),
      runMailParser(path, start, tempDir, maxAttachments, created),
    ]);
    if (parsed.status === "rejected") throw parsed.reason;
    if (keyed.status === "rejected") throw keyed.reason;
    if (parsed.value.failure !== null && parsed.value.parser.headers === false) {
      throw new AppError("NOT_AN_EMAIL", UNREADABLE_MESSAGE, { reason: parsed.value.failure.message });
    }
    const kept = new Set(parsed.value.attachments.map((a) => a.tempPath));
    await removeFiles(created.filter((p) => !kept.has(p))); // half-written when mailparser gave up
    return toParsedEmail(keyed.value, parsed.value);
  } catch (err) {
    await removeFiles(created);
    throw err;
  }
}

/** Deletes the attachments' temporary files (those the caller has not moved away). */
export async function cleanupParsedEmail(parsed: ParsedEmail): Promise<void> {
  await removeFiles(parsed.attachments.map((a) => a.tempPath));
}
