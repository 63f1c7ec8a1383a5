import type { Readable } from "node:stream";
import { AppError } from "../domain/app-error.js";
import type { Actor } from "../domain/roles.js";
import type { GovernanceDocumentRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { assertMayGovern } from "./governance-guard.js";

/** An agenda or annual report's bytes, for directors and the Operations Director. */
export async function readGovernanceDocument(options: {
  deps: AppDeps;
  actor: Actor;
  documentId: string;
}): Promise<{ document: GovernanceDocumentRecord; content: Readable }> {
  assertMayGovern(options.actor);
  const doc = await options.deps.store.getGovernanceDocument(options.documentId);
  if (!doc) throw new AppError("NOT_FOUND", "There is no such document.");
  return { document: doc, content: options.deps.blobs.open(doc.sha256) };
}
