import { caseFolder } from "./case-documents.js";
import type { AppDeps } from "./deps.js";

/**
 * Outbox job `file-document`: puts a document's bytes into the case folder of the document store (linked from the
 * blob when the store is a local folder on the same disk, so they are not copied). Idempotent:
 * the path is fixed by the case reference and the document's name, so a retry rewrites the same file.
 */
export async function fileDocument(options: {
  deps: AppDeps;
  documentId: string;
  /** The outbox job, marked done in the same transaction as the document is marked filed. */
  jobId?: string;
}): Promise<"completed" | undefined> {
  const { deps, jobId } = options;
  const doc = await deps.store.getDocument(options.documentId);
  if (!doc) return; // nothing to file: the job outlived its document (e.g. erased on request)
  const found = await deps.store.getCase(doc.caseId);
  if (!found) return;
  const { webUrl } = await deps.documents.put({
    path: [...caseFolder(found.reference), doc.name],
    size: doc.size,
    content: () => deps.blobs.open(doc.sha256),
    localSource: deps.blobs.localPath(doc.sha256),
  });
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.markDocumentFiled(doc.id, at, webUrl);
    if (jobId) await tx.completeJob(jobId, at);
  });
  return jobId ? "completed" : undefined;
}
