import type { Readable } from "node:stream";

/**
 * Content-addressed bytes (sha256). Written and flushed to disk before the transaction that refers to them commits,
 * so a committed document always has its bytes; a crash leaves at most unreferenced blobs, removed at start.
 */
export interface BlobStore {
  /** Where temporary files go (same file system as the blobs, so adopting is a rename). */
  readonly tempDir: string;
  /** A fresh path for writing a temporary file that `adopt` later moves in. */
  tempPath(): string;
  /** Moves a fully written temporary file in under its hash (durably). Idempotent. */
  adopt(tempPath: string, sha256: string): Promise<void>;
  open(sha256: string): Readable;
  /**
   * The local file holding the blob, for readers that need a path (a parser in a worker thread) and for document
   * stores on the same disk that can link it rather than copy it. Never write to it.
   */
  localPath(sha256: string): string;
  has(sha256: string): Promise<boolean>;
  size(sha256: string): Promise<number>;
  list(): Promise<string[]>;
  remove(sha256: string): Promise<void>;
  /** Removes temporary files left by an interrupted write. */
  clearTemp(): Promise<void>;
}
