/**
 * The pane's lookups, needed for its first paint. Logging an email and adding one to a case are in pane-send.ts,
 * loaded when the person presses the button.
 */

import type { CaseStatusView, CaseView } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";
import type { MailItemSummary } from "../mailbox/mailbox-adapter.js";

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
