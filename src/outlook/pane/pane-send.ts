/**
 * The pane's sending calls: logging an email, adding one to a case. Loaded on the first click (use-task-pane.ts), so
 * the first paint carries only the lookups (pane-api.ts).
 */

import { OUTLOOK_ITEM_MEDIA_TYPE } from "../../contracts/media-types.js";
import type { CaseView } from "../../contracts/views.js";
import { type ApiClient, ApiError } from "../../web/api/client.js";
import type { MailItemSummary, MessageContent } from "../mailbox/mailbox-adapter.js";

export interface SendResult {
  case: CaseView;
  /** False when the server already had this email: the existing case, never a second one. */
  isNew: boolean;
}

type SentAs = Exclude<MessageContent, { kind: "item" }> | { kind: "item"; itemId: string; mailbox: string | null };

function messageRequest(content: SentAs, forItem: string): { body: string | Uint8Array; contentType: string } {
  if (content.kind === "eml") return { body: content.bytes, contentType: "message/rfc822" };
  if (content.kind === "item") {
    return { body: JSON.stringify({ itemId: content.itemId, mailbox: content.mailbox }), contentType: forItem };
  }
  return { body: JSON.stringify(content.parts), contentType: "application/json" };
}

/**
 * The server answers these when it cannot read the mailbox through Graph (embedded mode has no Graph; no consent, no
 * access, Graph down): the pane then sends the message's parts, read from Outlook.
 */
const MAILBOX_NOT_READ = new Set(["NOT_AVAILABLE", "MAILBOX_UNREADABLE"]);

async function send(
  api: ApiClient,
  path: string,
  content: SentAs,
  query: Record<string, string | undefined>,
  itemContentType = OUTLOOK_ITEM_MEDIA_TYPE,
): Promise<{ json: unknown; status: number }> {
  const { body, contentType } = messageRequest(content, itemContentType);
  const response = await api.fetchRaw(path, {
    method: "POST",
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
    contentType,
    query,
  });
  return { json: await response.json(), status: response.status };
}

/** Sends the item reference first when that is what the mailbox gave, then the parts if the server cannot read it. */
async function sendWithFallback(
  content: MessageContent,
  attempt: (content: SentAs) => Promise<{ json: unknown; status: number }>,
): Promise<{ json: unknown; status: number }> {
  if (content.kind !== "item") return attempt(content);
  try {
    return await attempt(content);
  } catch (error) {
    if (!(error instanceof ApiError && MAILBOX_NOT_READ.has(error.code))) throw error;
    const parts = await content.parts();
    if (parts.kind === "item") throw error; // never loops: parts are parts
    return attempt(parts);
  }
}

export async function logEmail(
  api: ApiClient,
  options: { item: MailItemSummary; content: MessageContent; note?: string; suggestedCategory?: string },
): Promise<SendResult> {
  const query = {
    receivedAt: options.item.receivedAt ?? undefined,
    conversationId: options.item.conversationId ?? undefined,
    note: options.note?.trim() || undefined,
    suggestedCategory: options.suggestedCategory || undefined,
  };
  const paths = { eml: "/api/intake/email", item: "/api/intake/outlook-item", parts: "/api/intake/email-parts" };
  const { json, status } = await sendWithFallback(options.content, (content) =>
    send(api, paths[content.kind], content, query, "application/json"),
  );
  return { case: (json as { case: CaseView }).case, isNew: status === 201 };
}

export async function addEmailToCase(
  api: ApiClient,
  options: { caseId: string; item: MailItemSummary; content: MessageContent },
): Promise<SendResult> {
  const path = `/api/cases/${encodeURIComponent(options.caseId)}/emails`;
  const query = {
    receivedAt: options.item.receivedAt ?? undefined,
    conversationId: options.item.conversationId ?? undefined,
  };
  const { json, status } = await sendWithFallback(options.content, (content) => send(api, path, content, query));
  return { case: (json as { case: CaseView }).case, isNew: status === 201 };
}
