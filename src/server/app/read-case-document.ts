import type { Readable } from "node:stream";
import { caseView } from "../domain/access.js";
import { AppError } from "../domain/app-error.js";
import type { Actor } from "../domain/roles.js";
import type { DocumentRecord } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";

export interface ReadCaseDocumentOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  documentId: string;
}

/** A document's bytes, for people who may see the whole case; the download is recorded like any read. */
export async function readCaseDocument(
  options: ReadCaseDocumentOptions,
): Promise<{ document: DocumentRecord; content: Readable }> {
  const { deps, actor, caseId, documentId } = options;
  const found = await deps.store.getCase(caseId);
  const doc = found ? await deps.store.getDocument(documentId) : null;
  if (!found || !doc || doc.caseId !== caseId || caseView(actor, found) !== "full") {
    throw new AppError("NOT_FOUND", "There is no such document, or you do not have access to it.");
  }
  await deps.store.recordReads([
    { caseId, actorId: actor.id, at: deps.clock.now().toISOString(), via: `document:${doc.id}` },
  ]);
  return { document: doc, content: deps.blobs.open(doc.sha256) };
}
