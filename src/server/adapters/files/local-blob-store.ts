import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { BlobStore } from "../../ports/blob-store.js";
import { durableRename } from "./durable-files.js";

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs as files named by their SHA-256 under `root`, fanned out by the first two hex digits. */
export class LocalBlobStore implements BlobStore {
  readonly tempDir: string;

  constructor(private readonly root: string) {
    this.tempDir = path.join(root, "tmp");
  }

  async init(): Promise<this> {
    await fs.mkdir(this.tempDir, { recursive: true });
    return this;
  }

  tempPath(): string {
    return path.join(this.tempDir, randomUUID());
  }

  async adopt(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) {
      await fs.rm(tempPath, { force: true });
      return;
    }
    // Read-only: a blob is evidence, and the case folder may hold hard links to it (local-folder-document-store).
    await fs.chmod(tempPath, 0o444);
    await durableRename(tempPath, target);
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  localPath(sha256: string): string {
    return this.pathOf(sha256);
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number> {
    return (await fs.stat(this.pathOf(sha256))).size;
  }

  async list(): Promise<string[]> {
    const found: string[] = [];
    for (const fan of await fs.readdir(this.root).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      for (const name of await fs.readdir(path.join(this.root, fan))) if (SHA256.test(name)) found.push(name);
    }
    return found;
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  async clearTemp(): Promise<void> {
    await fs.rm(this.tempDir, { recursive: true, force: true });
    await fs.mkdir(this.tempDir, { recursive: true });
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("Not a SHA-256 hex digest");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
