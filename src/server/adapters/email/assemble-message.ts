/**
 * Builds an RFC 822 message from the parts Office.js gives on clients without `getAsFileAsync` (Mailbox < 1.14).
 * The result is a function of the parts alone (boundary from their hash, Date from the item), so the same email
 * sent again assembles to the same bytes: intake recognises it by Message-ID and by content, and never logs twice.
 */
import { createHash } from "node:crypto";
import type { TEmailParts } from "../../../contracts/outlook.js";

const CRLF = "\r\n";

/** RFC 2047 encoded-word for anything not plain printable ASCII. */
function encodeWord(value: string): string {
  const clean = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, "utf8").toString("base64")}?=`;
}

function address(a: { name?: string | null; address: string }): string {
  const mailbox = `<${a.address.replace(/[<>\r\n]/g, "")}>`;
  if (!a.name?.trim()) return mailbox;
  const name = encodeWord(a.name.trim());
  return name.startsWith("=?") ? `${name} ${mailbox}` : `"${name.replace(/["\\]/g, "")}" ${mailbox}`;
}

const base64Lines = (data: Buffer): string => (data.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF);

/** A filename parameter per RFC 2231 when it is not plain ASCII. */
function fileParam(name: string, param: "name" | "filename"): string {
  const clean = name.replace(/[\r\n"\\]/g, "_");
  if (/^[\x20-\x7e]*$/.test(clean)) return `${param}="${clean}"`;
  return `${param}*=UTF-8''${encodeURIComponent(clean)}`;
}

/** RFC 5322 date in UTC, e.g. "Tue, 24 Nov 2026 10:15:00 +0000". */
const rfc5322Date = (iso: string): string => new Date(iso).toUTCString().replace("GMT", "+0000");

export function assembleMessage(parts: TEmailParts): Buffer {
  const boundary = `redress-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32)}`;
  const headers: string[] = [];
  if (parts.from) headers.push(`From: ${address(parts.from)}`);
  if (parts.to.length > 0) headers.push(`To: ${parts.to.map(address).join(`,${CRLF} `)}`);
  if (parts.cc.length > 0) headers.push(`Cc: ${parts.cc.map(address).join(`,${CRLF} `)}`);
  headers.push(`Subject: ${encodeWord(parts.subject ?? "")}`);
  if (parts.date) headers.push(`Date: ${rfc5322Date(parts.date)}`);
  if (parts.internetMessageId) headers.push(`Message-ID: ${parts.internetMessageId.replace(/[\r\n]/g, "")}`);
  // Says plainly that this copy was put together from the item, not taken byte for byte from the mailbox.
  headers.push("X-Redress-Assembled: outlook-item-parts", "MIME-Version: 1.0");
  headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);

  const sections: string[] = [
    [
      `--${boundary}`,
      `Content-Type: text/${parts.body.type === "html" ? "html" : "plain"}; charset=utf-8`,
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(Buffer.from(parts.body.content, "utf8")),
    ].join(CRLF),
  ];
  for (const a of parts.attachments) {
    const type = a.contentType.replace(/[\r\n;"]/g, "");
    sections.push(
      [
        `--${boundary}`,
        `Content-Type: ${type}; ${fileParam(a.name, "name")}`,
        "Content-Transfer-Encoding: base64",
        `Content-Disposition: ${a.isInline ? "inline" : "attachment"}; ${fileParam(a.name, "filename")}`,
        ...(a.contentId ? [`Content-ID: <${a.contentId.replace(/[<>\r\n]/g, "")}>`] : []),
        "",
        base64Lines(Buffer.from(a.contentBase64.replace(/[\r\n]/g, ""), "base64")),
      ].join(CRLF),
    );
  }
  const text = `${headers.join(CRLF)}${CRLF}${CRLF}${sections.join(CRLF)}${CRLF}--${boundary}--${CRLF}`;
  return Buffer.from(text, "utf8");
}
