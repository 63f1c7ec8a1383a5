/**
 * Large JSON answers (the board: thousands of cards) sent compressed when the browser accepts it. No compression
 * plugin is installed, and one is not needed for a single route: node:zlib on the thread pool, so the event loop
 * keeps serving while it works.
 *
 * The settings are the fast end of each codec: on a board of 10,000 cards Brotli quality 1 and gzip level 3 take
 * ~20 ms and shrink ~2 MB to ~350–400 KB, where the higher settings take four times as long for a few per cent.
 * Browsers offer Brotli only over HTTPS (as in Teams); plain-HTTP development gets gzip.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a response goes as it is: compressing would cost more than it saves. */
const MIN_BYTES = 1024;

export type Encoding = "br" | "gzip" | null;

/** The codec to use for what the request accepts (`q=0` refuses a codec, as RFC 9110 says). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    (q !== undefined && Number(q.slice(2)) === 0 ? refused : accepted).add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || (accepted.has("*") && !refused.has("gzip"))) return "gzip";
  return null;
}

/** JSON bytes compressed with `encoding` (null: as they are). */
function compress(json: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === "br") {
    return brotli(json, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length },
    });
  }
  return encoding === "gzip" ? gzip(json, { level: 3 }) : Promise.resolve(json);
}

/** `body` as JSON bytes, compressed with `encoding`. */
export function encodeJson(body: unknown, encoding: Encoding): Promise<Buffer> {
  return compress(Buffer.from(JSON.stringify(body)), encoding);
}

/**
 * Sends `body` as JSON, compressed when accepted and worth it. Per-user data: never stored by caches on the way
 * (`no-store`), and `Vary` names the header the encoding depends on.
 */
export async function sendCompressedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
): Promise<FastifyReply> {
  const json = Buffer.from(JSON.stringify(body));
  const encoding = json.length >= MIN_BYTES ? chooseEncoding(request.headers["accept-encoding"]) : null;
  reply
    .header("content-type", "application/json; charset=utf-8")
    .header("cache-control", "private, no-store")
    .header("vary", "accept-encoding");
  if (encoding !== null) reply.header("content-encoding", encoding);
  return reply.send(await compress(json, encoding));
}
