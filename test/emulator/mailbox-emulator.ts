/**
 * The Graph emulator's mailbox routes beyond sendMail (registered by one line in graph-emulator.ts):
 *
 *   Drafts and large attachments (app-only, the shared mailbox; Mail.ReadWrite):
 *   POST   /v1.0/users/{mailbox}/messages                                   201, a draft (4 MB JSON at most)
 *   GET    /v1.0/users/{mailbox}/mailFolders/Drafts/messages?$filter=…      drafts carrying a marker
 *   DELETE /v1.0/users/{mailbox}/messages/{id}                              204
 *   POST   /v1.0/users/{mailbox}/messages/{id}/attachments                  201, a file attachment under 3 MB
 *   POST   /v1.0/users/{mailbox}/messages/{id}/attachments/createUploadSession   201, an uploadSession whose
 *          uploadUrl is pre-authenticated (`?authtoken=`): an Authorization header there is refused, as Outlook does
 *   PUT    /outlook/AttachmentSessions/{session}?authtoken=…                200 nextExpectedRanges, last 201 + Location
 *   POST   /v1.0/users/{mailbox}/messages/{id}/send                         202; the draft moves to Sent Items
 *
 *   The .eml of a message a person reads in Outlook (delegated, on-behalf-of; Mail.Read / Mail.Read.Shared):
 *   GET    /v1.0/me/messages/{id}/$value, /v1.0/users/{mailbox}/messages/{id}/$value
 *
 * Documented in learn.microsoft.com/graph/outlook-large-attachments and api/attachment-createuploadsession
 * (ranges in order, each under 4 MB; files of 3–150 MB), and shared/reference/graph-docs/message-get.md.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SentMessage } from "./graph-emulator.js";
import { drain, readBody, readJson } from "./request-body.js";

/** What the mailbox routes need from the emulator that registers them. */
export interface MailboxHost {
  readonly url: string;
  readonly options: { sharedMailbox: string; tenantId: string };
  readonly sent: SentMessage[];
  /** The claims of a valid Graph token on the request, or null. */
  graphTokenClaims(req: IncomingMessage): Promise<Record<string, unknown> | null>;
}

export interface DraftAttachment {
  id: string;
  name: string;
  contentType: string;
  content: Buffer;
  /** How it arrived: inline JSON or an upload session. */
  via: "post" | "upload-session";
}

interface Draft {
  id: string;
  mailbox: string;
  message: Record<string, unknown>;
  marker: string | null;
  attachments: DraftAttachment[];
}

interface AttachmentSession {
  id: string;
  draftId: string;
  token: string;
  name: string;
  contentType: string;
  size: number;
  chunks: Buffer[];
  received: number;
  expires: string;
}

/** A message in a person's (or a shared) mailbox, as Outlook shows it; its MIME is what `$value` returns. */
interface MailboxItem {
  /** The user's object id, or a shared mailbox's address (lower case). */
  owner: string;
  id: string;
  mime: Buffer;
}

const MB = 1024 * 1024;
const SMALL_ATTACHMENT_LIMIT = 3 * MB;
const RANGE_LIMIT = 4 * MB;
const MESSAGE_SIZE_LIMIT = 35 * MB; // Exchange Online's default maximum message size

export class MailboxEmulator {
  readonly drafts = new Map<string, Draft>();
  private readonly sessions = new Map<string, AttachmentSession>();
  private readonly items: MailboxItem[] = [];
  /** Shared mailboxes a person may read (Full Access), by mailbox address → object ids. */
  private readonly access = new Map<string, Set<string>>();
  /** Ranges of attachment sessions received, for assertions: "name bytes a-b/total". */
  readonly ranges: string[] = [];
  /** Requests refused for carrying Authorization to a pre-authenticated upload URL. */
  readonly refusedAuthorization: string[] = [];

  constructor(private readonly host: MailboxHost) {}

  /** A message Outlook would show the person (by object id) or hold in a shared mailbox (by address). */
  addMessage(owner: string, mime: Buffer | string): string {
    const id = `AAMk${randomUUID().replace(/-/g, "")}=`;
    this.items.push({ owner: owner.toLowerCase(), id, mime: Buffer.isBuffer(mime) ? mime : Buffer.from(mime) });
    return id;
  }

  /** Full Access to a shared mailbox for a person (Exchange delegation). */
  grantMailboxAccess(mailbox: string, userObjectId: string): void {
    const key = mailbox.toLowerCase();
    this.access.set(key, new Set([...(this.access.get(key) ?? []), userObjectId]));
  }

  /** Handles the request when it is one of these routes; false lets the emulator go on. */
  async route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? "GET";
    const p = url.pathname;
    let m = /^\/outlook\/AttachmentSessions\/([^/]+)$/.exec(p);
    if (m) {
      await this.uploadRange(req, res, method, m[1] ?? "", url);
      return true;
    }
    m = method === "GET" ? /^\/v1\.0\/(me|users\/[^/]+)\/messages\/([^/]+)\/\$value$/.exec(p) : null;
    if (m) {
      await this.mime(req, res, m[1] ?? "", decodeURIComponent(m[2] ?? ""));
      return true;
    }
    m =
      /^\/v1\.0\/users\/([^/]+)\/(messages(?:\/[^/]+(?:\/attachments(?:\/createUploadSession)?|\/send)?)?|mailFolders\/(?:Drafts|drafts)\/messages)$/.exec(
        p,
      );
    if (!m) return false;
    const mailbox = decodeURIComponent(m[1] ?? "");
    const rest = m[2] ?? "";
    const claims = await this.host.graphTokenClaims(req);
    if (!claims) {
      await drain(req);
      error(res, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
      return true;
    }
    const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
    if (mailbox.toLowerCase() !== this.host.options.sharedMailbox.toLowerCase() || !roles.includes("Mail.ReadWrite")) {
      await drain(req);
      error(res, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
      return true;
    }
    const draftRoute = /^messages\/([^/]+)(\/attachments|\/attachments\/createUploadSession|\/send)?$/.exec(rest);
    if (rest === "messages" && method === "POST") await this.createDraft(req, res, mailbox);
    else if (rest.startsWith("mailFolders") && method === "GET") this.listDrafts(res, mailbox, url);
    else if (draftRoute)
      await this.onDraft(req, res, method, decodeURIComponent(draftRoute[1] ?? ""), draftRoute[2] ?? "");
    else {
      await drain(req);
      error(res, 405, "ErrorInvalidRequest", "The method is not allowed here.");
    }
    return true;
  }

  // ---- drafts ----

  private async createDraft(req: IncomingMessage, res: ServerResponse, mailbox: string): Promise<void> {
    const raw = await readBody(req);
    if (raw.length > 4 * MB) return error(res, 413, "RequestEntityTooLarge", "The request is too large.");
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    } catch {
      return error(res, 400, "RequestBodyRead", "The request body could not be read as JSON.");
    }
    const props = (message.singleValueExtendedProperties as Array<{ value: string }> | undefined) ?? [];
    const id = `AAMk${randomUUID().replace(/-/g, "")}=`;
    const inline = (message.attachments as Array<Record<string, unknown>> | undefined) ?? [];
    const draft: Draft = {
      id,
      mailbox,
      message: { ...message, attachments: undefined },
      marker: props[0]?.value ?? null,
      attachments: inline.map((a) => fileAttachment(a, "post")),
    };
    this.drafts.set(id, draft);
    json(res, 201, { id, isDraft: true, subject: message.subject ?? "" });
  }

  private listDrafts(res: ServerResponse, mailbox: string, url: URL): void {
    const filter = url.searchParams.get("$filter") ?? "";
    const m = /singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/.exec(filter);
    if (!m) {
      error(res, 400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
      return;
    }
    const value = [...this.drafts.values()]
      .filter((d) => d.mailbox.toLowerCase() === mailbox.toLowerCase() && d.marker === m[2])
      .map((d) => ({ id: d.id, isDraft: true }));
    json(res, 200, { value });
  }

  private async onDraft(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    id: string,
    action: string,
  ): Promise<void> {
    const draft = this.drafts.get(id);
    if (!draft) {
      await drain(req);
      return error(res, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    if (method === "DELETE" && action === "") {
      this.drafts.delete(id);
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === "POST" && action === "/attachments") {
      const raw = await readBody(req);
      if (raw.length > 4 * MB) return error(res, 413, "RequestEntityTooLarge", "The request is too large.");
      const body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
      const attachment = fileAttachment(body, "post");
      if (attachment.content.length >= SMALL_ATTACHMENT_LIMIT) {
        return error(res, 413, "ErrorRequestEntityTooLarge", "Attachments of 3 MB or more need an upload session.");
      }
      draft.attachments.push(attachment);
      return json(res, 201, { id: attachment.id, name: attachment.name, size: attachment.content.length });
    }
    if (method === "POST" && action === "/attachments/createUploadSession") {
      const body = (await readJson(req)) as { AttachmentItem?: Record<string, unknown> };
      const item = body.AttachmentItem;
      const size = Number(item?.size);
      if (item?.attachmentType !== "file" || typeof item.name !== "string" || !Number.isInteger(size) || size <= 0) {
        return error(res, 400, "ErrorInvalidRequest", "AttachmentItem needs attachmentType file, a name and a size.");
      }
      if (size > 150 * MB)
        return error(res, 413, "ErrorAttachmentSizeLimitExceeded", "Attachments are at most 150 MB.");
      const session: AttachmentSession = {
        id: randomUUID().replace(/-/g, ""),
        draftId: id,
        token: randomUUID(),
        name: item.name,
        contentType: typeof item.contentType === "string" ? item.contentType : "application/octet-stream",
        size,
        chunks: [],
        received: 0,
        expires: new Date(Date.now() + 3600_000).toISOString(),
      };
      this.sessions.set(session.id, session);
      return json(res, 201, {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
        uploadUrl: `${this.host.url}/outlook/AttachmentSessions/${session.id}?authtoken=${session.token}`,
        expirationDateTime: session.expires,
        nextExpectedRanges: ["0-"],
      });
    }
    if (method === "POST" && action === "/send") {
      await drain(req);
      const total = draft.attachments.reduce((n, a) => n + a.content.length, 0);
      if (total > MESSAGE_SIZE_LIMIT) {
        return error(res, 413, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.");
      }
      const to = draft.message.toRecipients as unknown[] | undefined;
      if (!to || to.length === 0)
        return error(res, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
      this.drafts.delete(id);
      this.host.sent.push({
        id: draft.id,
        mailbox: draft.mailbox,
        sentDateTime: new Date().toISOString(),
        message: {
          ...draft.message,
          attachments: draft.attachments.map((a) => ({
            "@odata.type": "#microsoft.graph.fileAttachment",
            name: a.name,
            contentType: a.contentType,
            size: a.content.length,
            contentBytes: a.content.toString("base64"),
            via: a.via,
          })),
        },
        marker: draft.marker,
      });
      res.writeHead(202, { "content-length": "0" });
      res.end();
      return;
    }
    await drain(req);
    return error(res, 405, "ErrorInvalidRequest", "The method is not allowed here.");
  }

  private async uploadRange(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    id: string,
    url: URL,
  ): Promise<void> {
    const session = this.sessions.get(id);
    if (req.headers.authorization) {
      await drain(req);
      this.refusedAuthorization.push(`${method} attachment session`);
      return error(res, 401, "InvalidAuthenticationToken", "Do not send Authorization to the upload URL.");
    }
    if (!session || url.searchParams.get("authtoken") !== session.token) {
      await drain(req);
      return error(res, 404, "ErrorItemNotFound", "The upload session was not found.");
    }
    if (method !== "PUT") {
      await drain(req);
      return error(res, 405, "ErrorInvalidRequest", "The method is not allowed here.");
    }
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    const body = await readBody(req);
    const from = Number(range?.[1]);
    const to = Number(range?.[2]);
    if (!range || Number(range[3]) !== session.size || to < from || body.length !== to - from + 1) {
      return error(res, 400, "ErrorInvalidRange", "The Content-Range header is not valid for this session.");
    }
    if (body.length > RANGE_LIMIT) return error(res, 413, "ErrorRequestEntityTooLarge", "Ranges must be under 4 MB.");
    if (from !== session.received) return error(res, 416, "ErrorInvalidRange", "Upload the bytes in order.");
    session.chunks.push(body);
    session.received = to + 1;
    this.ranges.push(`${session.name} bytes ${from}-${to}/${session.size}`);
    if (session.received < session.size) {
      return json(res, 200, { expirationDateTime: session.expires, nextExpectedRanges: [String(session.received)] });
    }
    this.sessions.delete(id);
    const draft = this.drafts.get(session.draftId);
    if (!draft) return error(res, 404, "ErrorItemNotFound", "The message was deleted.");
    const attachmentId = `AAMk${randomUUID().replace(/-/g, "")}=`;
    draft.attachments.push({
      id: attachmentId,
      name: session.name,
      contentType: session.contentType,
      content: Buffer.concat(session.chunks),
      via: "upload-session",
    });
    res.writeHead(201, {
      location: `${this.host.url}/outlook/Messages('${draft.id}')/Attachments('${attachmentId}')`,
      "content-length": "0",
    });
    res.end();
  }

  // ---- MIME of a message a person reads ----

  private async mime(req: IncomingMessage, res: ServerResponse, who: string, id: string): Promise<void> {
    const claims = await this.host.graphTokenClaims(req);
    if (!claims) return error(res, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    const scopes = String(claims.scp ?? "")
      .split(" ")
      .map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//, ""));
    const oid = String(claims.oid ?? "");
    // App-only tokens have no `scp` and cannot use /me; Redress reads a person's mail only on their behalf.
    const shared = who.startsWith("users/") ? decodeURIComponent(who.slice("users/".length)).toLowerCase() : null;
    const allowed = shared
      ? scopes.includes("Mail.Read.Shared") && (this.access.get(shared)?.has(oid) ?? false)
      : oid !== "" && scopes.includes("Mail.Read");
    if (!allowed) return error(res, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    const owner = shared ?? oid.toLowerCase();
    const item = this.items.find((i) => i.id === id && i.owner === owner);
    if (!item) return error(res, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
    res.writeHead(200, { "content-type": "text/plain", "content-length": String(item.mime.length) });
    res.end(item.mime);
  }
}

function fileAttachment(a: Record<string, unknown>, via: DraftAttachment["via"]): DraftAttachment {
  return {
    id: `AAMk${randomUUID().replace(/-/g, "")}=`,
    name: String(a.name ?? ""),
    contentType: String(a.contentType ?? "application/octet-stream"),
    content: Buffer.from(String(a.contentBytes ?? ""), "base64"),
    via,
  };
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", "request-id": randomUUID() });
  res.end(JSON.stringify({ error: { code, message, innerError: { date: new Date().toISOString() } } }));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; odata.metadata=minimal" });
  res.end(JSON.stringify(body));
}
