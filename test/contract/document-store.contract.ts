/**
 * What every DocumentStore must do: the local folder, the in-memory fake and (through the Graph emulator)
 * SharePoint. Each test file calls `documentStoreContract` with a factory that opens a fresh, empty store.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DocumentStore } from "../../src/server/ports/document-store.js";

export interface OpenedDocumentStore {
  store: DocumentStore;
  cleanup(): Promise<void>;
}

const CASE_FOLDER = ["Directors", "Complaints", "CMP-2026-0001"] as const;
const inCase = (name: string): string[] => [...CASE_FOLDER, name];

/** Content as a stream of chunks, the way the blob store hands bytes over. */
export const contentOf =
  (bytes: Buffer, chunkSize = 64 * 1024) =>
  (): Readable => {
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
    return Readable.from(chunks);
  };

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

export function documentStoreContract(name: string, open: () => Promise<OpenedDocumentStore>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      cleanup = opened.cleanup;
    });

    afterEach(async () => {
      await cleanup();
    });

    const put = (path: readonly string[], bytes: Buffer) =>
      store.put({ path, size: bytes.length, content: contentOf(bytes) });

    async function read(path: readonly string[]): Promise<Buffer | null> {
      const stream = await store.get(path);
      return stream ? readAll(stream) : null;
    }

    it("gives back exactly the bytes it was given", async () => {
      const small = Buffer.from("From: ada@example.org\r\nSubject: Late\r\n\r\nHello\r\n");
      await put(inCase("email.eml"), small);
      expect(await read(inCase("email.eml"))).toEqual(small);
    });

    it("keeps a 5 MB file byte for byte", async () => {
      const big = randomBytes(5 * 1024 * 1024);
      await put(inCase("scan.pdf"), big);
      const back = await read(inCase("scan.pdf"));
      expect(back?.length).toBe(big.length);
      expect(back?.equals(big)).toBe(true);
    });

    it("keeps names with accents and spaces", async () => {
      const bytes = Buffer.from("Ceci est un document Word.");
      await put(inCase("Biodiversité de semaine.doc"), bytes);
      expect(await read(inCase("Biodiversité de semaine.doc"))).toEqual(bytes);
      expect(await store.list(CASE_FOLDER)).toEqual(["Biodiversité de semaine.doc"]);
    });

    it("keeps an empty file", async () => {
      await put(inCase("empty.txt"), Buffer.alloc(0));
      expect(await read(inCase("empty.txt"))).toEqual(Buffer.alloc(0));
    });

    it("replaces a file written twice, leaving one file", async () => {
      await put(inCase("letter.pdf"), Buffer.from("first version, which is longer than the second"));
      await put(inCase("letter.pdf"), Buffer.from("second"));
      expect(await read(inCase("letter.pdf"))).toEqual(Buffer.from("second"));
      expect(await store.list(CASE_FOLDER)).toEqual(["letter.pdf"]);
    });

    it("lists the files directly in a folder, sorted, and nothing for a missing folder", async () => {
      for (const name of ["minutes.docx", "Appeal.pdf", "email.eml", "b.txt", "a.txt"]) {
        await put(inCase(name), Buffer.from(name));
      }
      await put([...CASE_FOLDER, "attachments", "nested.txt"], Buffer.from("nested"));
      await put(["Directors", "Complaints", "CMP-2026-0002", "email.eml"], Buffer.from("other case"));

      expect(await store.list(CASE_FOLDER)).toEqual(
        ["minutes.docx", "Appeal.pdf", "email.eml", "b.txt", "a.txt"].sort(),
      );
      expect(await store.list([...CASE_FOLDER, "attachments"])).toEqual(["nested.txt"]);
      expect(await store.list(["Directors", "Complaints"])).toEqual([]);
      expect(await store.list(["Directors", "Complaints", "CMP-2026-9999"])).toEqual([]);
    });

    it("answers null for a file that is not there", async () => {
      expect(await store.get(inCase("missing.txt"))).toBeNull();
      expect(await store.get(["Nowhere", "at", "all.txt"])).toBeNull();
      await put(inCase("present.txt"), Buffer.from("x"));
      // A folder is not a file.
      expect(await store.get(CASE_FOLDER)).toBeNull();
    });

    it("removes a file, and removing a missing one is no error", async () => {
      await put(inCase("a.txt"), Buffer.from("a"));
      await put(inCase("b.txt"), Buffer.from("b"));
      await store.remove(inCase("a.txt"));
      expect(await store.get(inCase("a.txt"))).toBeNull();
      expect(await store.list(CASE_FOLDER)).toEqual(["b.txt"]);
      await store.remove(inCase("a.txt"));
      await store.remove(["Nowhere", "x.txt"]);
      expect(await read(inCase("b.txt"))).toEqual(Buffer.from("b"));
    });

    describe("refuses path segments that could leave the folder", () => {
      const unsafe = [
        ["..", "x.txt"],
        ["Directors", "..", "..", "x.txt"],
        ["a/b"],
        ["Directors", "a/b.txt"],
        [""],
        ["Directors", "", "x.txt"],
        ["Directors", "."],
      ];
      for (const path of unsafe) {
        it(JSON.stringify(path), async () => {
          await expect(put(path, Buffer.from("x"))).rejects.toThrow();
          await expect(store.get(path)).rejects.toThrow();
          await expect(store.list(path)).rejects.toThrow();
          await expect(store.remove(path)).rejects.toThrow();
        });
      }
    });
  });
}
