import type { ComplaintCase } from "../domain/case.js";
import type { Actor } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";

export interface LookupEmailOptions {
  deps: AppDeps;
  /** Who asked: the answer is a read of each case found, recorded like any other (via `lookup`). */
  actor: Actor;
  messageId?: string;
  conversationId?: string;
}

/**
 * DESIGN.md §1's deliberate exception to need-to-know: anyone who can open an email may learn whether it (or its
 * conversation) is already logged — reference, stage, due date, nothing of the content — so no one logs it twice.
 */
export async function lookupEmail({
  deps,
  actor,
  messageId,
  conversationId,
}: LookupEmailOptions): Promise<ComplaintCase[]> {
  const found = await deps.store.findBySource({
    messageId: messageId?.trim() || undefined,
    conversationId: conversationId?.trim() || undefined,
  });
  const at = deps.clock.now().toISOString();
  await deps.store.recordReads(found.map((c) => ({ caseId: c.id, actorId: actor.id, at, via: "lookup" })));
  return found;
}
