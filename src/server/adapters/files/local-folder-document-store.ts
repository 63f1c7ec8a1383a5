import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DocumentStore } from "../../ports/document-store.js";
import { durableRename, fsyncDirectory } from "./durable-files.js";

/**
 * Documents in a local folder laid out as the F: drive was (`Directors/Complaints/<ref>/…`). Each file is written
 * (or linked from its blob) beside its target and renamed into place, so a reader never sees half a file and a
 * rewrite replaces it whole.
 */
export class LocalFolderDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  async put(options: {
    path: readonly string[];
    size: number;
    content: () => Readable;
    localSource?: string;
  }): Promise<{ webUrl: null }> {
    const target = this.resolve(options.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${randomUUID()}.partial`);
    try {
      if (options.localSource && (await linked(options.localSource, temp))) {
        // The bytes are the blob's, already on disk and flushed: only the new name has to be made durable.
        await fs.rename(temp, target);
        await fsyncDirectory(path.dirname(target));
      } else {
        await pipeline(options.content(), createWriteStream(temp));
        await durableRename(temp, target);
      }
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return { webUrl: null };
  }

  async get(segments: readonly string[]): Promise<Readable | null> {
    const file = this.resolve(segments);
    // A folder at this path is not a document: without the check it would give a stream that fails with EISDIR.
    const isFile = await fs.stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    return isFile ? createReadStream(file) : null;
  }

  async list(folder: readonly string[]): Promise<string[]> {
    const entries = await fs.readdir(this.resolve(folder), { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() && !e.name.endsWith(".partial"))
      .map((e) => e.name)
      .sort();
  }

  async remove(segments: readonly string[]): Promise<void> {
    await fs.rm(this.resolve(segments), { force: true });
  }

  /** Leftovers of writes cut short by a crash. */
  async clearPartials(folder: readonly string[] = []): Promise<void> {
    const dir = this.resolve(folder);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) await this.clearPartials([...folder, entry.name]);
      else if (entry.name.endsWith(".partial")) await fs.rm(path.join(dir, entry.name), { force: true });
    }
  }

  /** Segments are document names made safe by the domain; this refuses anything that could leave the root. */
  private resolve(segments: readonly string[]): string {
    for (const segment of segments) {
      if (!segment || segment === "." || segment === ".." || /[/\\\0]/.test(segment)) {
        throw new Error("Unsafe path segment in document path");
      }
    }
    return path.join(this.root, ...segments);
  }
}

/**
 * A hard link instead of a copy: a 100 MB email is not written a second time. Blobs are read-only (see
 * LocalBlobStore.adopt), and a link shares that, so nobody can edit the evidence in place through the folder.
 * False when the file system will not link (another device, no support): the caller copies instead.
 */
async function linked(source: string, temp: string): Promise<boolean> {
  try {
    await fs.link(source, temp);
    return true;
  } catch {
    return false;
  }
}
