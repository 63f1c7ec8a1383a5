import type { DocumentRecord } from "../ports/case-store.js";
import { caseFolder } from "./case-documents.js";
import type { AppDeps } from "./deps.js";

/**
 * Removes a case's files from the document store (local folder or SharePoint): every document it recorded and
 * anything else left in its folder. Run before the records go, so a crash between the two is repaired by running
 * again (removing a file that is already gone is not an error).
 */
export async function removeCaseFiles(options: {
  deps: AppDeps;
  reference: string;
  documents: readonly DocumentRecord[];
}): Promise<void> {
  const folder = caseFolder(options.reference);
  const names = new Set([...options.documents.map((d) => d.name), ...(await options.deps.documents.list(folder))]);
  for (const name of names) await options.deps.documents.remove([...folder, name]);
}

/**
 * After the records are gone: the bytes of those documents, unless another document (the same attachment on
 * another case: blobs are content-addressed) still refers to them. A crash before this leaves only unreferenced
 * blobs, which the start-up recovery removes.
 */
export async function removeUnreferencedBlobs(deps: AppDeps, documents: readonly DocumentRecord[]): Promise<number> {
  if (documents.length === 0) return 0;
  const referenced = await deps.store.referencedBlobs();
  let removed = 0;
  for (const sha256 of new Set(documents.map((d) => d.sha256))) {
    if (referenced.has(sha256)) continue;
    await deps.blobs.remove(sha256);
    removed += 1;
  }
  return removed;
}
