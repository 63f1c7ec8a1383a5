import type { Readable } from "node:stream";

/**
 * Where the organisation keeps complaint documents: `Directors/Complaints/<ref>/<name>` in a local folder
 * (embedded mode) or a SharePoint library. Writes are idempotent: the same path written twice holds one file.
 */
export interface DocumentStore {
  /** Writes (or replaces) the file at `path` (segments, e.g. ["Directors","Complaints","CMP-2026-0001","email.eml"]). */
  put(options: {
    path: readonly string[];
    size: number;
    content: () => Readable;
    /**
     * A local file holding exactly these bytes, already durable (the blob). A store on the same disk may link it
     * into place instead of copying; others read `content`.
     */
    localSource?: string;
  }): Promise<{ webUrl: string | null }>;
  get(path: readonly string[]): Promise<Readable | null>;
  /** Names of the files directly in a folder; empty when the folder does not exist. */
  list(folder: readonly string[]): Promise<string[]>;
  remove(path: readonly string[]): Promise<void>;
}
