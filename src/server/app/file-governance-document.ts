import type { AppDeps } from "./deps.js";

export const FILE_GOVERNANCE_DOCUMENT = "file-governance-document";

/**
 * Outbox job: puts an agenda or annual report into its folder (Directors/Complaints/Meetings/<date>/, …/Reports/).
 * Idempotent like case documents: the path is fixed, so a retry rewrites the same file.
 */
export async function fileGovernanceDocument(options: {
  deps: AppDeps;
  jobId: string;
  payload: Record<string, unknown>;
}): Promise<"completed" | undefined> {
  const { deps, jobId } = options;
  const doc = await deps.store.getGovernanceDocument(String(options.payload.documentId));
  if (!doc) return;
  const { webUrl } = await deps.documents.put({
    path: [...doc.folder, doc.name],
    size: doc.size,
    content: () => deps.blobs.open(doc.sha256),
    localSource: deps.blobs.localPath(doc.sha256),
  });
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.markGovernanceDocumentFiled(doc.id, at, webUrl);
    await tx.completeJob(jobId, at);
  });
  return "completed";
}
