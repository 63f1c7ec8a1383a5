/**
 * The content key: a SHA-256 that identifies what a message says, not the route it took. Relays prepend Received,
 * DKIM, ARC, X-… headers; the headers that define the message and its body bytes stay as they were sent.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type RawHeader, scanHeaderBlock, unfold } from "./header-block.js";

/** Headers that define a message; every other header (Received, Return-Path, X-*, DKIM-Signature…) is transport. */
export const CONTENT_HEADERS: ReadonlySet<string> = new Set([
  "from",
  "to",
  "cc",
  "subject",
  "date",
  "message-id",
  "in-reply-to",
  "references",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);

// mailparser refuses header blocks above 1 MB too; past that we stop looking and hash the rest as body.
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * The canonical header lines: "name:value\r\n", lower-cased names, unfolded and collapsed values, sorted by name
 * (stable, so repeated headers keep their order) so a relay that reorders headers does not change the key.
 */
const canonicalHeaders = (headers: readonly RawHeader[]): Buffer => {
  const lines = headers
    .filter((h) => CONTENT_HEADERS.has(h.name))
    .map((h) => ({ name: h.name, line: `${h.name}:${unfold(h.value)}\r\n` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Buffer.from(`${lines.map((l) => l.line).join("")}\r\n`, "latin1");
};

export interface ContentKeyResult {
  contentKey: string;
  /** The top-level headers in file order, for the fields mailparser does not give raw (Date, Received, ids). */
  headers: RawHeader[];
}

/**
 * The content key over bytes fed in order, from the start of the message (after any mbox line): headers are
 * buffered only until their block ends (at most MAX_HEADER_BYTES), everything after is hashed as it comes.
 */
export class ContentKeyHasher {
  private readonly hash = createHash("sha256");
  private pending: Buffer | null = Buffer.alloc(0);
  private headers: RawHeader[] = [];
  private headerBlock: Buffer = Buffer.alloc(0);

  update(bytes: Buffer): void {
    if (this.pending === null) {
      this.hash.update(bytes);
      return;
    }
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    if (this.finishHeaders(this.pending, false)) this.pending = null;
  }

  /** The key, the top-level headers in file order, and the raw bytes of the header block. */
  digest(): ContentKeyResult & { headerBlock: Buffer } {
    if (this.pending !== null) this.finishHeaders(this.pending, true);
    this.pending = null;
    return { contentKey: this.hash.digest("hex"), headers: this.headers, headerBlock: this.headerBlock };
  }

  private finishHeaders(buf: Buffer, atEnd: boolean): boolean {
    const scan = scanHeaderBlock(buf, 0, atEnd || buf.length > MAX_HEADER_BYTES);
    if (!scan.complete) return false;
    this.headers = scan.headers;
    this.headerBlock = Buffer.from(buf.subarray(0, scan.bodyStart));
    this.hash.update(canonicalHeaders(this.headers));
    this.hash.update(buf.subarray(scan.bodyStart));
    return true;
  }
}

/** Streams the file once from `start` (after any mbox line). */
export async function readContentKey(path: string, start: number): Promise<ContentKeyResult> {
  const hasher = new ContentKeyHasher();
  for await (const chunk of createReadStream(path, { start })) hasher.update(chunk as Buffer);
  const { contentKey, headers } = hasher.digest();
  return { contentKey, headers };
}
