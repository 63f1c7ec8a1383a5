/** The pane's calls to the Redress API: lookups, logging an email, adding one to a case. */
import type { CaseStatusView, CaseView } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";
import type { MailItemSummary, MessageContent } from "../mailbox/mailbox-adapter.js";

export interface LookupResult {
  /** The case this very message belongs to. */
  logged: CaseStatusView | null;
  /** Cases of the same conversation (another message of the thread was logged). */
  conversation: CaseStatusView[];
  /** Open cases from this sender that the user may see. */
  complainant: CaseView[];
}

export async function lookupItem(api: ApiClient, item: MailItemSummary): Promise<LookupResult> {
  const none = Promise.resolve({ cases: [] as CaseStatusView[] });
  const [byMessage, byConversation, byComplainant] = await Promise.all([
    item.internetMessageId
      ? api.get<{ cases: CaseStatusView[] }>("/api/intake/lookup", { query: { messageId: item.internetMessageId } })
      : none,
    item.conversationId
      ? api.get<{ cases: CaseStatusView[] }>("/api/intake/lookup", { query: { conversationId: item.conversationId } })
      : none,
    item.from?.address
      ? api.get<{ cases: CaseView[] }>("/api/intake/complainant-cases", { query: { from: item.from.address } })
      : Promise.resolve({ cases: [] as CaseView[] }),
  ]);
  const logged = byMessage.cases[0] ?? null;
  const conversation = byConversation.cases.filter((c) => c.id !== logged?.id);
  const seen = new Set([logged?.id, ...conversation.map((c) => c.id)]);
  return { logged, conversation, complainant: byComplainant.cases.filter((c) => !seen.has(c.id)) };
}

export interface SendResult {
  case: CaseView;
  /** False when the server already had this email: the existing case, never a second one. */
  isNew: boolean;
}

function messageRequest(content: MessageContent): { body: Uint8Array | string; contentType: string } {
  return content.kind === "eml"
    ? { body: content.bytes, contentType: "message/rfc822" }
    : { body: JSON.stringify(content.parts), contentType: "application/json" };
}

async function send(
  api: ApiClient,
  path: string,
  content: MessageContent,
  query: Record<string, string | undefined>,
): Promise<{ json: unknown; status: number }> {
  const { body, contentType } = messageRequest(content);
  const response = await api.fetchRaw(path, {
    method: "POST",
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
    contentType,
    query,
  });
  return { json: await response.json(), status: response.status };
}

export async function logEmail(
  api: ApiClient,
  options: { item: MailItemSummary; content: MessageContent; note?: string; suggestedCategory?: string },
): Promise<SendResult> {
  const path = options.content.kind === "eml" ? "/api/intake/email" : "/api/intake/email-parts";
  const { json, status } = await send(api, path, options.content, {
    receivedAt: options.item.receivedAt ?? undefined,
    conversationId: options.item.conversationId ?? undefined,
    note: options.note?.trim() || undefined,
    suggestedCategory: options.suggestedCategory || undefined,
  });
  return { case: (json as { case: CaseView }).case, isNew: status === 201 };
}

export async function addEmailToCase(
  api: ApiClient,
  options: { caseId: string; item: MailItemSummary; content: MessageContent },
): Promise<SendResult> {
  const { json, status } = await send(api, `/api/cases/${encodeURIComponent(options.caseId)}/emails`, options.content, {
    receivedAt: options.item.receivedAt ?? undefined,
    conversationId: options.item.conversationId ?? undefined,
  });
  return { case: (json as { case: CaseView }).case, isNew: status === 201 };
}
