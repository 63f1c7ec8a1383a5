import type { ComplaintCase } from "../domain/case.js";
import type { AppDeps } from "./deps.js";

export interface LookupEmailOptions {
  deps: AppDeps;
  messageId?: string;
  conversationId?: string;
}

/**
 * DESIGN.md §1's deliberate exception to need-to-know: anyone who can open an email may learn whether it (or its
 * conversation) is already logged — reference, stage, due date, nothing of the content — so no one logs it twice.
 */
export async function lookupEmail({ deps, messageId, conversationId }: LookupEmailOptions): Promise<ComplaintCase[]> {
  return deps.store.findBySource({
    messageId: messageId?.trim() || undefined,
    conversationId: conversationId?.trim() || undefined,
  });
}
