/**
 * A small RFC 822 reader for the development harness: enough of an .eml to play the part of an Outlook item
 * (sender, subject, dates, ids, attachments, plain text). The server parses messages properly (mailparser); this
 * only needs to show them.
 */
import type { MailAddress, MailAttachment } from "../mailbox/mailbox-adapter.js";

export interface ParsedEml {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  date: string | null;
  receivedAt: string | null;
  text: string;
  attachments: MailAttachment[];
}

type Headers = Map<string, string[]>;

const latin1 = (bytes: Uint8Array): string => {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
};

function splitHead(raw: string): { headers: Headers; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers: Headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { headers, body };
}

const first = (headers: Headers, name: string): string | null => headers.get(name)?.[0] ?? null;

function decodeBytes(binary: string, charset: string): string {
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0) & 0xff);
  try {
    return new TextDecoder(charset || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

const fromQuotedPrintable = (text: string, underscoreIsSpace = false): string =>
  (underscoreIsSpace ? text.replace(/_/g, " ") : text)
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const fromBase64 = (text: string): string => {
  try {
    return atob(text.replace(/[^A-Za-z0-9+/=]/g, ""));
  } catch {
    return "";
  }
};

/** RFC 2047 encoded words, e.g. =?UTF-8?B?…?= */
export const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) =>
      decodeBytes(enc.toUpperCase() === "B" ? fromBase64(text) : fromQuotedPrintable(text, true), charset),
    );

function param(value: string | null, name: string): string | null {
  if (!value) return null;
  const star = new RegExp(`${name}\\*=(?:([^']*)'[^']*')?([^;]+)`, "i").exec(value);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ""));
    } catch {
      return star[2];
    }
  }
  const plain = new RegExp(`${name}=("([^"]*)"|[^;\\s]+)`, "i").exec(value);
  if (!plain) return null;
  return decodeWords(plain[2] ?? plain[1] ?? "");
}

export function parseAddress(value: string): MailAddress | null {
  const decoded = decodeWords(value).trim();
  const angle = /^(.*)<([^>]+)>\s*$/.exec(decoded);
  if (angle?.[2]) return { name: angle[1]?.trim().replace(/^"|"$/g, "") || null, address: angle[2].trim() };
  return decoded.includes("@") ? { name: null, address: decoded } : null;
}

const addressList = (value: string | null): MailAddress[] =>
  (value ?? "")
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map(parseAddress)
    .filter((a): a is MailAddress => a !== null);

const isoOrNull = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const time = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ""));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t]+/g, " ");

interface Walk {
  text: string | null;
  html: string | null;
  attachments: MailAttachment[];
}

function walk(headers: Headers, body: string, out: Walk, depth: number): void {
  const type = first(headers, "content-type") ?? "text/plain";
  const mediaType = type.split(";")[0]?.trim().toLowerCase() ?? "text/plain";
  const disposition = first(headers, "content-disposition");
  const encoding = (first(headers, "content-transfer-encoding") ?? "7bit").toLowerCase();
  if (mediaType.startsWith("multipart/") && depth < 10) {
    const boundary = param(type, "boundary");
    if (!boundary) return;
    const sections = body.split(`--${boundary}`);
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      const part = splitHead(section.replace(/^\r?\n/, ""));
      walk(part.headers, part.body, out, depth + 1);
    }
    return;
  }
  const filename = param(disposition, "filename") ?? param(type, "name");
  const decoded =
    encoding === "base64" ? fromBase64(body) : encoding === "quoted-printable" ? fromQuotedPrintable(body) : body;
  const isAttachment =
    Boolean(filename) || disposition?.toLowerCase().startsWith("attachment") || mediaType === "message/rfc822";
  if (isAttachment) {
    out.attachments.push({
      id: `part-${out.attachments.length + 1}`,
      name: filename ?? (mediaType === "message/rfc822" ? "attached message.eml" : "attachment"),
      size: decoded.length,
      contentType: mediaType,
      isInline: disposition?.toLowerCase().startsWith("inline") ?? false,
    });
    return;
  }
  const charset = param(type, "charset") ?? "utf-8";
  if (mediaType === "text/plain" && out.text === null) out.text = decodeBytes(decoded, charset);
  if (mediaType === "text/html" && out.html === null) out.html = decodeBytes(decoded, charset);
}

export function parseEml(bytes: Uint8Array): ParsedEml {
  const raw = latin1(bytes).replace(/^From .*\r?\n/, "");
  const { headers, body } = splitHead(raw);
  const out: Walk = { text: null, html: null, attachments: [] };
  walk(headers, body, out, 0);
  const ids = (value: string | null): string[] => value?.match(/<[^>]+>/g) ?? [];
  const received = first(headers, "received");
  return {
    messageId: ids(first(headers, "message-id"))[0] ?? null,
    inReplyTo: ids(first(headers, "in-reply-to"))[0] ?? null,
    references: ids(first(headers, "references")),
    subject: decodeWords(first(headers, "subject") ?? ""),
    from: parseAddress(first(headers, "from") ?? ""),
    to: addressList(first(headers, "to")),
    date: isoOrNull(first(headers, "date")),
    receivedAt: isoOrNull(received?.slice(received.lastIndexOf(";") + 1)),
    text: (out.text ?? (out.html ? htmlToText(out.html) : "")).trim(),
    attachments: out.attachments,
  };
}
