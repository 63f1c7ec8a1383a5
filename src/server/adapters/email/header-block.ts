/**
 * Reading the top-level header block of a raw message ourselves, byte-exact, without mailparser: to decide cheaply
 * whether a payload is an email at all, and to find where the body starts for the content key.
 */
import { open } from "node:fs/promises";

export interface RawHeader {
  /** Lower-cased header name. */
  name: string;
  /** The value as the bytes were (latin1), folding kept: lines after the first start with "\r\n" or "\n". */
  value: string;
}

export interface HeaderScan {
  headers: RawHeader[];
  /** Offset of the first body byte (after the blank line, or at the first line that is not a header). */
  bodyStart: number;
  /** False when the buffer ended inside the header block. */
  complete: boolean;
}

// RFC 7230 token characters: every real header name fits, while JSON ('{"a": 1}'), HTML and binary data do not.
const HEADER_NAME = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*:/;
/** At least one of these must be present for a header block to count as a message. */
const MESSAGE_HEADERS = new Set(["from", "date", "message-id", "subject", "received", "mime-version"]);
const SNIFF_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Scans header lines from `start`. The block ends at a blank line (consumed) or at the first line that is neither
 * a header nor a continuation (left for the body: some broken mailers omit the blank line). With `atEnd` false,
 * a line not yet terminated by LF is treated as unread, so the caller can retry with more bytes.
 */
export function scanHeaderBlock(buf: Buffer, start: number, atEnd: boolean): HeaderScan {
  const headers: RawHeader[] = [];
  let pos = start;
  while (pos < buf.length) {
    const newline = buf.indexOf(LF, pos);
    if (newline === -1 && !atEnd) return { headers, bodyStart: pos, complete: false };
    const next = newline === -1 ? buf.length : newline + 1;
    let lineEnd = newline === -1 ? buf.length : newline;
    if (lineEnd > pos && buf[lineEnd - 1] === CR) lineEnd--;
    if (lineEnd === pos) return { headers, bodyStart: next, complete: true };
    const line = buf.toString("latin1", pos, lineEnd);
    if (line.includes("\u0000")) return { headers, bodyStart: pos, complete: true };
    const last = headers.at(-1);
    if ((line[0] === " " || line[0] === "\t") && last) {
      last.value += buf.toString("latin1", buf[pos - 2] === CR ? pos - 2 : pos - 1, lineEnd);
    } else {
      const match = HEADER_NAME.exec(line);
      if (!match?.[1]) return { headers, bodyStart: pos, complete: true };
      headers.push({ name: match[1].toLowerCase(), value: line.slice(match[0].length) });
    }
    pos = next;
  }
  return { headers, bodyStart: pos, complete: atEnd };
}

/** Where the message proper starts: after a UTF-8 byte order mark and an mbox "From " envelope line, if any. */
export function messageStart(buf: Buffer): number {
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (buf.toString("latin1", pos, pos + 5) === "From ") {
    const newline = buf.indexOf(LF, pos);
    pos = newline === -1 ? buf.length : newline + 1;
  }
  return pos;
}

/** True when a header block names at least one header every message has one of: it is a message, not other data. */
export const isMessageHeaderBlock = (headers: readonly RawHeader[]): boolean =>
  headers.some((h) => MESSAGE_HEADERS.has(h.name));

/** Unfolds and collapses white space, as the value would read on one line. */
export const unfold = (value: string): string => value.replace(/\s+/g, " ").trim();

/**
 * Reads the first 64 KB of the file and answers the offset where the message starts, or null when it does not
 * begin with a header block naming at least one of From, Date, Message-ID, Subject, Received or MIME-Version.
 */
export async function sniffMessageStart(path: string): Promise<number | null> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    const head = buf.subarray(0, bytesRead);
    const start = messageStart(head);
    const scan = scanHeaderBlock(head, start, bytesRead < SNIFF_BYTES);
    return isMessageHeaderBlock(scan.headers) ? start : null;
  } finally {
    await handle.close();
  }
}
