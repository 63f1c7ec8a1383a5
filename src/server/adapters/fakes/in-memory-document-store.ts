import { Readable } from "node:stream";
import type { DocumentStore } from "../../ports/document-store.js";

/**
 * Documents in memory, with the local folder's semantics: a put reads the whole content before storing it (so a
 * content stream that fails leaves nothing behind) and replaces any file at that path; `list` names only the files
 * directly in a folder, sorted.
 */
export class InMemoryDocumentStore implements DocumentStore {
  private readonly files = new Map<string, Buffer>();

  async put(options: { path: readonly string[]; size: number; content: () => Readable }): Promise<{ webUrl: null }> {
    const key = keyOf(options.path);
    const chunks: Buffer[] = [];
    for await (const chunk of options.content()) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    }
    this.files.set(key, Buffer.concat(chunks));
    return { webUrl: null };
  }

  async get(path: readonly string[]): Promise<Readable | null> {
    const bytes = this.files.get(keyOf(path));
    // A copy, so a reader can never change what is stored.
    return bytes ? Readable.from([Buffer.from(bytes)]) : null;
  }

  async list(folder: readonly string[]): Promise<string[]> {
    const prefix = folder.length === 0 ? "" : `${keyOf(folder)}/`;
    const names: string[] = [];
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      if (!rest.includes("/")) names.push(rest);
    }
    return names.sort();
  }

  async remove(path: readonly string[]): Promise<void> {
    this.files.delete(keyOf(path));
  }
}

/** The same refusal as the local folder: nothing that could name a parent, a nested path or nothing at all. */
function keyOf(segments: readonly string[]): string {
  for (const segment of segments) {
    if (!segment || segment === "." || segment === ".." || /[/\\\0]/.test(segment)) {
      throw new Error("Unsafe path segment in document path");
    }
  }
  return segments.join("/");
}
