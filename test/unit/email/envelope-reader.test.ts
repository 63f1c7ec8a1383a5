/**
 * The streaming envelope reader must give exactly what the full parse gives for the envelope (ids, dates, subject,
 * addresses, content key), however the bytes are cut into chunks: intake logs the case from it, and the full
 * parse later only adds the body text and the attachments.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StreamingEnvelopeReader } from "../../../src/server/adapters/email/envelope-reader.js";
import { cleanupParsedEmail, parseEmailFile } from "../../../src/server/adapters/email/parse-email.js";
import { AppError } from "../../../src/server/domain/app-error.js";
import type { EmailEnvelope } from "../../../src/server/ports/email-parser.js";
import { buildEmail } from "../../fixtures/build-email.js";

const EML_DIR = fileURLToPath(new URL("../../../../shared/reference/eml", import.meta.url));
const realMessages = existsSync(EML_DIR) ? readdirSync(EML_DIR).filter((f) => f.endsWith(".eml")) : [];

let work = "";
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "redress-envelope-"));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Feeds the bytes in chunks of the given sizes (cycled), as a socket would. */
async function readEnvelope(bytes: Buffer, sizes: readonly number[]): Promise<EmailEnvelope> {
  const reader = new StreamingEnvelopeReader();
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    reader.update(bytes.subarray(at, at + size));
    at += size;
  }
  return reader.finish();
}

async function fullParseEnvelope(bytes: Buffer): Promise<EmailEnvelope | AppError> {
  const file = path.join(work, `${randomBytes(6).toString("hex")}.eml`);
  await writeFile(file, bytes);
  try {
    const parsed = await parseEmailFile({ path: file, tempDir: path.join(work, "att") });
    await cleanupParsedEmail(parsed);
    const { text: _t, html: _h, attachments: _a, ...envelope } = parsed;
    return envelope;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const CHUNKINGS: ReadonlyArray<readonly number[]> = [[65_536], [1], [7, 300, 13], [1_000_000]];

describe("StreamingEnvelopeReader agrees with the full parse", () => {
  it.skipIf(realMessages.length === 0)(
    "on every real-world message, in any chunking",
    async () => {
      for (const file of realMessages) {
        const bytes = await readFile(path.join(EML_DIR, file));
        const expected = await fullParseEnvelope(bytes);
        for (const sizes of CHUNKINGS.slice(0, bytes.length > 200_000 ? 3 : 4)) {
          const got = await readEnvelope(bytes, sizes).catch((e: unknown) => e);
          if (expected instanceof AppError) {
            // The full parse refuses only what is not an email (or has too many parts, which intake now takes).
            if (expected.code === "NOT_AN_EMAIL") expect(got, file).toMatchObject({ code: "NOT_AN_EMAIL" });
          } else {
            expect(got, `${file} in chunks of ${sizes.join(",")}`).toEqual(expected);
          }
        }
      }
    },
    60_000,
  );

  it("on built messages with an mbox line, a byte order mark, encoded words and attachments", async () => {
    const email = buildEmail({
      subject: "=?utf-8?B?w4l0w6kgY29tcGxhaW50?=",
      attachments: [{ filename: "evidence.pdf", size: 40_000 }],
    });
    const variants = [
      email.raw,
      Buffer.concat([Buffer.from("From jane@example.org Tue Nov 24 10:15:00 2026\n"), email.raw]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), email.raw]),
    ];
    for (const bytes of variants) {
      const expected = await fullParseEnvelope(bytes);
      expect(expected).not.toBeInstanceOf(AppError);
      for (const sizes of CHUNKINGS) expect(await readEnvelope(bytes, sizes)).toEqual(expected);
    }
  });

  it("refuses JSON, a PNG and an empty body with NOT_AN_EMAIL", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
    for (const bytes of [Buffer.from('{"subject": "hello"}\n'), png, Buffer.alloc(0)]) {
      await expect(readEnvelope(bytes, [4096])).rejects.toMatchObject({ code: "NOT_AN_EMAIL" });
    }
  });
});
