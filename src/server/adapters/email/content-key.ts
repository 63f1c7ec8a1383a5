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

/** Streams the file once from `start` (after any mbox line): headers are buffered only until the block ends. */
export async function readContentKey(path: string, start: number): Promise<ContentKeyResult> {
  const hash = createHash("sha256");
  let pending: Buffer | null = Buffer.alloc(0);
  let headers: RawHeader[] = [];
  const finishHeaders = (buf: Buffer, atEnd: boolean): boolean => {
    const scan = scanHeaderBlock(buf, 0, atEnd || buf.length > MAX_HEADER_BYTES);
    if (!scan.complete) return false;
    headers = scan.headers;
    hash.update(canonicalHeaders(headers));
    hash.update(buf.subarray(scan.bodyStart));
    return true;
  };
  for await (const chunk of createReadStream(path, { start })) {
    const bytes = chunk as Buffer;
    if (pending === null) {
      hash.update(bytes);
      continue;
    }
    pending = Buffer.concat([pending, bytes]);
    if (finishHeaders(pending, false)) pending = null;
  }
  if (pending !== null) finishHeaders(pending, true);
  return { contentKey: hash.digest("hex"), headers };
}
