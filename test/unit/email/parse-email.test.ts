import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanupParsedEmail,
  type ParsedEmail,
  parseEmailFile,
} from "../../../src/server/adapters/email/parse-email.js";
import { AppError } from "../../../src/server/domain/app-error.js";
import { expectedBytes, REAL_MESSAGES } from "./real-messages.js";

const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const EML_DIR = path.join(PROJECT_ROOT, "../shared/reference/eml");
const HAVE_EML = existsSync(EML_DIR);
if (!HAVE_EML) console.warn(`Skipping the real-message tests: ${EML_DIR} is not there.`);

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

let work = "";
let fileCount = 0;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "redress-parse-email-"));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A fresh attachments folder per parse, so each test can see exactly what was left behind. */
const freshTempDir = (): string => path.join(work, `att-${++fileCount}`);

const writeMessage = async (content: string | Buffer): Promise<string> => {
  const file = path.join(work, `message-${++fileCount}.eml`);
  await writeFile(file, content);
  return file;
};

/** Parses, or answers the error thrown — so a test can insist on which kind. */
const attempt = async (file: string, tempDir = freshTempDir()): Promise<ParsedEmail | unknown> => {
  try {
    return await parseEmailFile({ path: file, tempDir });
  } catch (err) {
    return err;
  }
};

const expectNotAnEmail = async (file: string): Promise<void> => {
  const tempDir = freshTempDir();
  const err = await attempt(file, tempDir);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("NOT_AN_EMAIL");
  expect((err as AppError).userMessage).toBe(
    "This is not an email message. Send the raw message (.eml), exactly as received.",
  );
  expect(existsSync(tempDir) ? readdirSync(tempDir) : []).toEqual([]);
};

const crlf = (lines: string[]): string => lines.join("\r\n");

describe.skipIf(!HAVE_EML)(`the real messages in ${EML_DIR}`, () => {
  const files = HAVE_EML
    ? readdirSync(EML_DIR)
        .filter((f) => f.endsWith(".eml"))
        .sort()
    : [];

  it("are all described in the table of expectations", () => {
    expect(files).toEqual(Object.keys(REAL_MESSAGES).sort());
  });

  it.each(files)("%s parses or is refused as not an email, never anything else", async (file) => {
    const result = await attempt(path.join(EML_DIR, file));
    if (result instanceof Error) {
      expect(result).toBeInstanceOf(AppError);
      expect((result as AppError).code).toBe("NOT_AN_EMAIL");
    } else {
      await cleanupParsedEmail(result as ParsedEmail);
    }
  });

  it.each(Object.entries(REAL_MESSAGES))("%s: %o", async (file, expected) => {
    const raw = await readFile(path.join(EML_DIR, file));
    if (expected.outcome === "not-an-email") {
      await expectNotAnEmail(path.join(EML_DIR, file));
      return;
    }
    const tempDir = freshTempDir();
    const parsed = await parseEmailFile({ path: path.join(EML_DIR, file), tempDir });
    try {
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.from?.address ?? null).toBe(expected.from);
      expect(parsed.messageId).toBe(expected.messageId);
      expect(parsed.date?.toISOString() ?? null).toBe(expected.date);
      expect(parsed.topReceivedAt?.toISOString() ?? null).toBe(expected.topReceivedAt);
      if (expected.textIncludes) expect(parsed.text).toContain(expected.textIncludes);
      expect(parsed.contentKey).toMatch(/^[0-9a-f]{64}$/);
      expect(parsed.attachments.map((a) => a.filename)).toEqual(expected.attachments.map((a) => a.filename));
      for (const [i, want] of expected.attachments.entries()) {
        const got = parsed.attachments[i];
        if (!got) throw new Error(`attachment ${i} missing`);
        const onDisk = await readFile(got.tempPath);
        const bytes = expectedBytes(raw, want.content);
        expect({ ...got, tempPath: path.dirname(got.tempPath) }).toEqual({
          filename: want.filename,
          contentType: want.contentType,
          size: want.size,
          sha256: sha256(bytes),
          tempPath: tempDir,
          inline: want.inline,
          contentId: want.contentId,
        });
        expect(bytes.length).toBe(want.size);
        expect(onDisk.equals(bytes)).toBe(true);
      }
    } finally {
      await cleanupParsedEmail(parsed);
    }
    expect(await readdir(tempDir)).toEqual([]);
  });

  it("tells apart two messages with the same Message-ID but different content (m0014, m0016)", async () => {
    const a = await parseEmailFile({ path: path.join(EML_DIR, "php-mime-mail-parser__m0014.eml"), tempDir: work });
    const b = await parseEmailFile({ path: path.join(EML_DIR, "php-mime-mail-parser__m0016.eml"), tempDir: work });
    expect(a.messageId).toBe(b.messageId);
    expect(a.contentKey).not.toBe(b.contentKey);
  });

  it("keeps the content key when a relay prepends transport headers to a real message", async () => {
    const original = path.join(EML_DIR, "mailparser__nodemailer.eml");
    const raw = await readFile(original);
    const relayed = await writeMessage(
      Buffer.concat([
        Buffer.from(
          crlf([
            "Received: from relay.example (relay.example [192.0.2.1]) by mx.example; Mon, 1 Jan 2024 10:00:00 +0000",
            "X-Spam-Score: 0.1",
            "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example; s=arc; b=abc",
            "",
          ]),
        ),
        raw,
      ]),
    );
    const a = await parseEmailFile({ path: original, tempDir: freshTempDir() });
    const b = await parseEmailFile({ path: relayed, tempDir: freshTempDir() });
    await Promise.all([cleanupParsedEmail(a), cleanupParsedEmail(b)]);
    expect(b.contentKey).toBe(a.contentKey);
    expect(b.topReceivedAt?.toISOString()).toBe("2024-01-01T10:00:00.000Z");
    expect(b.attachments.map((x) => x.sha256)).toEqual(a.attachments.map((x) => x.sha256));
  });
});

const SIMPLE = crlf([
  "Received: from b.example by c.example; Tue, 2 Jan 2024 09:30:00 +0000",
  "From: Jane Doe <jane@example.com>",
  "To: complaints@example.org, Bob <bob@example.org>",
  "Cc: Team: a@example.org, b@example.org;",
  "Subject: My complaint",
  "Date: Tue, 2 Jan 2024 09:00:00 +0000",
  "Message-ID:   <abc-123@example.com>  ",
  "In-Reply-To: <prev@example.com>",
  "References: <first@example.com>\r\n <prev@example.com>",
  "MIME-Version: 1.0",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "I am not happy with the course.",
  "",
]);

describe("parseEmailFile on generated messages", () => {
  it("reads the headers intake needs", async () => {
    const parsed = await parseEmailFile({ path: await writeMessage(SIMPLE), tempDir: freshTempDir() });
    expect(parsed).toMatchObject({
      messageId: "<abc-123@example.com>",
      inReplyTo: "<prev@example.com>",
      references: ["<first@example.com>", "<prev@example.com>"],
      subject: "My complaint",
      from: { name: "Jane Doe", address: "jane@example.com" },
      to: [
        { name: null, address: "complaints@example.org" },
        { name: "Bob", address: "bob@example.org" },
      ],
      cc: [
        { name: null, address: "a@example.org" },
        { name: null, address: "b@example.org" },
      ],
      text: "I am not happy with the course.\n",
      html: null,
      attachments: [],
    });
    expect(parsed.date?.toISOString()).toBe("2024-01-02T09:00:00.000Z");
  });

  it("takes topReceivedAt from the first Received header in the file, not the latest date", async () => {
    const message = crlf([
      "Received: from b.example by c.example; Tue, 2 Jan 2024 09:30:00 +0000",
      "Received: from a.example by b.example; Wed, 3 Jan 2024 08:00:00 +0100",
      SIMPLE.split("\r\n").slice(1).join("\r\n"),
    ]);
    const parsed = await parseEmailFile({ path: await writeMessage(message), tempDir: freshTempDir() });
    expect(parsed.topReceivedAt?.toISOString()).toBe("2024-01-02T09:30:00.000Z");
  });

  it("gives no date rather than a guessed one", async () => {
    const message = SIMPLE.replace("Date: Tue, 2 Jan 2024 09:00:00 +0000", "Date: 1").replace(
      "; Tue, 2 Jan 2024 09:30:00 +0000",
      "; 31 Feb 2024 10:00:00 +0000",
    );
    const parsed = await parseEmailFile({ path: await writeMessage(message), tempDir: freshTempDir() });
    expect(parsed.date).toBeNull();
    expect(parsed.topReceivedAt).toBeNull();
  });

  it("changes the content key when one body byte or a defining header changes, not for transport headers", async () => {
    const key = async (text: string): Promise<string> =>
      (await parseEmailFile({ path: await writeMessage(text), tempDir: freshTempDir() })).contentKey;
    const base = await key(SIMPLE);
    expect(await key(`Received: from x by y; Wed, 3 Jan 2024 10:00:00 +0000\r\n${SIMPLE}`)).toBe(base);
    expect(await key(`Return-Path: <bounce@example.com>\r\nDelivered-To: x@example.org\r\n${SIMPLE}`)).toBe(base);
    expect(await key(SIMPLE.replace("Subject: My complaint", "Subject:  My\r\n  complaint"))).toBe(base);
    expect(await key(SIMPLE.replace("course.", "course!"))).not.toBe(base);
    expect(await key(SIMPLE.replace("My complaint", "My Complaint"))).not.toBe(base);
    expect(await key(SIMPLE.replace("bob@example.org", "rob@example.org"))).not.toBe(base);
  });

  it("takes the message after an mbox envelope line, LF line endings, without counting the line in the key", async () => {
    const lf = SIMPLE.replaceAll("\r\n", "\n");
    const plain = await parseEmailFile({ path: await writeMessage(lf), tempDir: freshTempDir() });
    const mbox = await parseEmailFile({
      path: await writeMessage(`From jane@example.com  Tue Jan  2 09:30:00 2024\n${lf}`),
      tempDir: freshTempDir(),
    });
    expect(mbox.subject).toBe("My complaint");
    expect(mbox.contentKey).toBe(plain.contentKey);
  });

  it("removes script, event handlers, javascript: links, iframes and remote images from the HTML", async () => {
    const html = [
      "<html><head><script>alert('head')</script><style>p{}</style></head>",
      '<body onload="alert(1)"><p>Dear Sir, <b>please</b> read.</p>',
      '<img src="x" onerror="alert(2)"><img src="cid:logo@example.com" alt="logo">',
      '<img src="https://tracker.example/pixel.gif"><img src="data:text/html;base64,PHNjcmlwdD4=">',
      '<a href="javascript:alert(3)">click</a> <a href="jav&#x09;ascript:alert(4)">again</a>',
      '<a href="https://example.com/terms">terms</a> <a href="mailto:help@example.com">help</a>',
      '<iframe src="https://evil.example/">frame</iframe><form action="https://evil.example/"><input></form>',
      "<script>alert(5)</script></body></html>",
    ].join("\r\n");
    const message = crlf([
      "From: a@example.com",
      "Subject: XSS",
      "MIME-Version: 1.0",
      "Content-Type: text/html; charset=utf-8",
      "",
      html,
    ]);
    const parsed = await parseEmailFile({ path: await writeMessage(message), tempDir: freshTempDir() });
    const out = parsed.html ?? "";
    for (const bad of [
      "<script",
      "alert",
      "onerror",
      "onload",
      "javascript",
      "<iframe",
      "<form",
      "<style",
      "tracker",
    ]) {
      expect(out.toLowerCase()).not.toContain(bad);
    }
    expect(out).toContain("<b>please</b>");
    expect(out).toContain('src="cid:logo@example.com"');
    expect(out).toContain('href="https://example.com/terms"');
    expect(out).toContain('href="mailto:help@example.com"');
    expect(parsed.text).toContain("Dear Sir, please read.");
    expect(parsed.text).not.toContain("alert");
  });

  it("names attachments safely and uniquely, never message.eml, and writes each with its hash", async () => {
    const part = (name: string, body: string): string =>
      crlf([
        "--XX",
        "Content-Type: application/octet-stream",
        `Content-Disposition: attachment; filename="${name}"`,
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from(body).toString("base64"),
      ]);
    const names = ["../../etc/passwd", "message.eml", "report.pdf", "REPORT.pdf", "CON.txt"];
    const message = crlf([
      "From: a@example.com",
      "Subject: files",
      "MIME-Version: 1.0",
      "Content-Type: multipart/mixed; boundary=XX",
      "",
      ...names.map((n, i) => part(n, `content ${i}`)),
      "--XX--",
      "",
    ]);
    const tempDir = freshTempDir();
    const parsed = await parseEmailFile({ path: await writeMessage(message), tempDir });
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      "passwd",
      "message (2).eml",
      "report.pdf",
      "REPORT (2).pdf",
      "_CON.txt",
    ]);
    for (const [i, a] of parsed.attachments.entries()) {
      expect(path.dirname(a.tempPath)).toBe(tempDir);
      expect(a.sha256).toBe(sha256(Buffer.from(`content ${i}`)));
      expect(a.size).toBe(`content ${i}`.length);
    }
    await cleanupParsedEmail(parsed);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it("refuses more attachments than allowed, leaving no files behind", async () => {
    const parts = Array.from({ length: 4 }, (_, i) =>
      crlf(["--XX", "Content-Type: text/plain", `Content-Disposition: attachment; filename=f${i}.txt`, "", `${i}`]),
    );
    const message = crlf(["From: a@example.com", "Content-Type: multipart/mixed; boundary=XX", "", ...parts, "--XX--"]);
    const tempDir = freshTempDir();
    const err = await parseEmailFile({ path: await writeMessage(message), tempDir, maxAttachments: 3 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION_FAILED");
    expect(await readdir(tempDir)).toEqual([]);
  });

  it("keeps what was read when mailparser gives up part-way, and deletes the half-written file", async () => {
    const message = crlf([
      "From: a@example.com",
      "Subject: damaged",
      "Content-Type: multipart/mixed; boundary=XX",
      "",
      "--XX",
      "Content-Type: application/pdf",
      "Content-Disposition: attachment; filename=first.pdf",
      "",
      "PDF",
      "--XX",
      `X-Huge: ${"a".repeat(1_100_000)}`, // a part header block beyond mailparser's 1 MB limit
      "",
      "body",
      "--XX--",
    ]);
    const tempDir = freshTempDir();
    const parsed = await parseEmailFile({ path: await writeMessage(message), tempDir });
    expect(parsed.subject).toBe("damaged");
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["first.pdf"]);
    await cleanupParsedEmail(parsed);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it("refuses as unreadable a message whose own header block is beyond mailparser's limit", async () => {
    const file = await writeMessage(`From: a@example.com\r\nX-Huge: ${"a".repeat(1_100_000)}\r\n\r\nbody`);
    const err = await attempt(file);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("NOT_AN_EMAIL");
    expect((err as AppError).userMessage).toMatch(/could not be read/);
  });
});

describe("parseEmailFile on things that are not emails", () => {
  it("refuses JSON", async () => {
    await expectNotAnEmail(await writeMessage('{"from": "jane@example.com", "subject": "Complaint"}\n'));
  });

  it("refuses a PNG's bytes", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQAQMAAAAlPW0iAAAABlBMVEUAAAD///+l2Z/dAAAAM0lEQVR4nGP4/5/h/1+G/58ZDrAz3D/McH8yw83NDDeNGe4Ug9C9zwz3gVLMDA/A6P9/AFGGFyjOXZtQAAAAAElFTkSuQmCC",
      "base64",
    );
    await expectNotAnEmail(await writeMessage(png));
  });

  it("refuses an empty file", async () => {
    await expectNotAnEmail(await writeMessage(""));
  });

  it("refuses an HTML page", async () => {
    await expectNotAnEmail(
      await writeMessage(
        "<!DOCTYPE html>\n<html><head><title>From: me</title></head><body>Subject: hi</body></html>\n",
      ),
    );
  });

  it("refuses header-like text that names none of the message headers", async () => {
    await expectNotAnEmail(await writeMessage("Content-Type: text/plain\n\nhello\n"));
    await expectNotAnEmail(await writeMessage("Note: call back\nPriority: high\n"));
  });
});

describe("memory", () => {
  it("parses a 30 MB attachment with resident memory growing far less than the message", async () => {
    const file = path.join(work, "large.eml");
    const out = createWriteStream(file);
    const write = async (text: string): Promise<void> => {
      if (!out.write(text)) await once(out, "drain");
    };
    const hash = createHash("sha256");
    const total = 30 * 1024 * 1024;
    await write(
      crlf([
        "From: big@example.com",
        "Subject: large",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=XX",
        "",
        "--XX",
        "Content-Type: text/plain",
        "",
        "See attached.",
        "--XX",
        "Content-Type: application/octet-stream",
        "Content-Disposition: attachment; filename=big.bin",
        "Content-Transfer-Encoding: base64",
        "",
        "",
      ]),
    );
    for (let written = 0; written < total; ) {
      const chunk = randomBytes(Math.min(57 * 1024, total - written)); // 57 bytes make one 76-character line
      hash.update(chunk);
      written += chunk.length;
      await write(`${chunk.toString("base64").replace(/.{76}/g, "$&\r\n").replace(/\r\n$/, "")}\r\n`);
    }
    await write("--XX--\r\n");
    out.end();
    await once(out, "finish");
    const messageSize = (await stat(file)).size;

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const parsed = await parseEmailFile({ path: file, tempDir: freshTempDir() });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(messageSize).toBeGreaterThan(40 * 1024 * 1024);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]?.size).toBe(total);
    expect(parsed.attachments[0]?.sha256).toBe(hash.digest("hex"));
    expect(peak - before).toBeLessThan(60 * 1024 * 1024);
    await cleanupParsedEmail(parsed);
  });
});
