import type { AppDeps } from "./deps.js";

/**
 * Run at start, before serving. A crash can leave temporary files and blobs that no committed document refers to
 * (the transaction never committed): remove them. Committed work is whole already: its blobs were flushed before
 * the commit, and its outbox jobs are still pending, so the worker finishes filing them.
 */
export async function recoverAfterCrash({ deps }: { deps: AppDeps }): Promise<{ removedBlobs: number }> {
  await deps.blobs.clearTemp();
  const referenced = await deps.store.referencedBlobs();
  let removedBlobs = 0;
  for (const blob of await deps.blobs.list()) {
    if (!referenced.has(blob)) {
      await deps.blobs.remove(blob);
      removedBlobs++;
    }
  }
  return { removedBlobs };
}
