/** What intake needs from a parsed email. The adapter (mailparser) streams attachments to temporary files. */
export interface ParsedAddress {
  name: string | null;
  address: string | null;
}

export interface ParsedAttachment {
  /** Safe for disk and SharePoint, unique (ignoring case) within the message, never "message.eml". */
  filename: string;
  contentType: string;
  /** Decoded size in bytes. */
  size: number;
  /** SHA-256 of the decoded content, hex. */
  sha256: string;
  /** The decoded content, in a file under `tempDir`; the caller moves or deletes it (see cleanupParsedEmail). */
  tempPath: string;
  /** Shown in the body (inline disposition, or an image the HTML refers to) rather than sent as a file. */
  inline: boolean;
  /** The Content-ID without angle brackets, as `cid:` links in the HTML name it. */
  contentId: string | null;
}

/** What intake needs to log a case, read from the top-level headers alone (plus the content key over the bytes). */
export type EmailEnvelope = Omit<ParsedEmail, "text" | "html" | "attachments">;

/**
 * Reads the envelope of a message while its bytes stream past (to disk, say): only the header block is held, so
 * the size of the message does not matter, and nothing is read twice.
 */
export interface EmailEnvelopeReader {
  update(chunk: Buffer): void;
  /** After the last chunk. Throws AppError NOT_AN_EMAIL when the bytes do not start with a message's headers. */
  finish(): Promise<EmailEnvelope>;
}

export interface ParsedEmail {
  /** As in the header, trimmed, e.g. "<abc@x>"; null when absent or empty. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: ParsedAddress | null;
  to: ParsedAddress[];
  cc: ParsedAddress[];
  /** The Date header, when it is a valid RFC 5322 date-time. */
  date: Date | null;
  /** The date of the topmost (first in the file, so last hop) Received header, when valid. */
  topReceivedAt: Date | null;
  /** Plain text body; derived from the HTML when there is only HTML. */
  text: string | null;
  /** The HTML body, sanitised (see email-html.ts). */
  html: string | null;
  /** SHA-256 hex of the defining headers and the body bytes: the same for the same message by any route. */
  contentKey: string;
  attachments: ParsedAttachment[];
}

export type EmailParser = (options: { path: string; tempDir: string }) => Promise<ParsedEmail>;

export type EmailEnvelopeReaderFactory = () => EmailEnvelopeReader;
