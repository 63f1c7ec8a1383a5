import fs from "node:fs/promises";
import type { ComplaintCase, DocumentKind } from "../domain/case.js";
import { safeDocumentName } from "../domain/document-names.js";
import { addDocument } from "../domain/procedure/documents.js";
import type { Actor } from "../domain/roles.js";
import type { DocumentRecord } from "../ports/case-store.js";
import { addDocuments } from "./case-documents.js";
import { assertMayEverTake, changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface AddCaseDocumentOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  name: string;
  kind: DocumentKind;
  contentType: string;
  /** The bytes, already streamed to a temporary file of the blob store. */
  upload: { tempPath: string; sha256: string; size: number };
}

/** Evidence, minutes, letters: stored with the case and filed into its folder after commit. */
export async function addCaseDocument(
  options: AddCaseDocumentOptions,
): Promise<{ case: ComplaintCase; document: DocumentRecord }> {
  const { deps, actor, upload } = options;
  try {
    assertMayEverTake(actor, "add-document");
    await deps.blobs.adopt(upload.tempPath, upload.sha256);
  } finally {
    await fs.rm(upload.tempPath, { force: true });
  }
  const name = safeDocumentName(options.name, "document");
  let document: DocumentRecord | undefined;
  const updated = await changeCase({
    deps,
    actor,
    caseId: options.caseId,
    action: "add-document",
    apply: (c, ctx) => addDocument(c, { name, kind: options.kind }, ctx),
    alsoWrite: async (tx, next) => {
      const { records, jobs } = await addDocuments({
        tx,
        caseRecord: next,
        existingNames: await tx.listDocumentNames(next.id),
        documents: [
          { name, kind: options.kind, contentType: options.contentType, size: upload.size, sha256: upload.sha256 },
        ],
        actorId: actor.id,
        at: deps.clock.now().toISOString(),
        newId: deps.newId,
      });
      document = records[0];
      return jobs;
    },
  });
  if (!document) throw new Error("Document was not recorded");
  return { case: updated, document };
}
