import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import { AppError } from "../domain/app-error.js";

const WRITE_BLOCK_BYTES = 1024 * 1024;

export interface StreamedUpload {
  tempPath: string;
  sha256: string;
  size: number;
}

/**
 * Streams a request body to a temporary file, hashing as it goes and stopping at `maxBytes`: a 150 MB message
 * never sits in memory. On any failure the partial file is removed.
 */
export async function streamToTempFile(options: {
  body: Readable;
  tempPath: string;
  maxBytes: number;
  declaredLength?: number;
  /** Sees every chunk as it passes, in order (e.g. to read an email's headers without reading the file again). */
  observe?: (chunk: Buffer) => void;
}): Promise<StreamedUpload> {
  const { body, tempPath, maxBytes, observe } = options;
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `This is larger than the ${Math.floor(maxBytes / 1024 / 1024)} MB allowed.`, {
      maxBytes,
    });
  if (options.declaredLength !== undefined && options.declaredLength > maxBytes) {
    body.resume();
    throw tooLarge();
  }
  const hash = createHash("sha256");
  let size = 0;
  // The socket hands over 16–64 KiB at a time; written as they come, each is a write on the thread pool. Gathered
  // into blocks of WRITE_BLOCK_BYTES, a 1 MB message is one or two writes, and no more than a block is held.
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      hash.update(chunk);
      try {
        observe?.(chunk);
      } catch (error) {
        return done(error as Error);
      }
      gathered.push(chunk);
      gatheredBytes += chunk.length;
      if (gatheredBytes < WRITE_BLOCK_BYTES) return done();
      const block = Buffer.concat(gathered, gatheredBytes);
      gathered = [];
      gatheredBytes = 0;
      done(null, block);
    },
    flush(done) {
      done(null, gatheredBytes > 0 ? Buffer.concat(gathered, gatheredBytes) : null);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(tempPath, { flags: "wx" }));
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("MALFORMED_REQUEST", "The upload was interrupted before it finished. Try again.");
  }
  return { tempPath, sha256: hash.digest("hex"), size };
}

/**
 * In this (encapsulated) scope every request body reaches the route as the raw stream, whatever its Content-Type:
 * Fastify's own JSON and text parsers would otherwise buffer it — a text/plain document would arrive as a string
 * and be refused, and an email sent as application/json would be answered 400 instead of 415.
 */
export function passBodiesAsStreams(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
}
