import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFolderDocumentStore } from "../../src/server/adapters/files/local-folder-document-store.js";
import { contentOf, documentStoreContract, readAll } from "./document-store.contract.js";

documentStoreContract("local folder", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "redress-documents-"));
  return { store: new LocalFolderDocumentStore(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe("local folder document store", () => {
  const folder = ["Directors", "Complaints", "CMP-2026-0001"];
  let root: string;
  let store: LocalFolderDocumentStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "redress-documents-"));
    store = new LocalFolderDocumentStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const filesIn = (segments: readonly string[]) => readdir(path.join(root, ...segments)).then((names) => names.sort());

  /** A stream that yields some bytes and then fails, as a blob read cut short by a disk error would. */
  const failingMidway = () => (): Readable => {
    let sent = 0;
    return new Readable({
      read() {
        if (sent < 4) {
          sent += 1;
          this.push(Buffer.alloc(64 * 1024, sent));
        } else {
          this.destroy(new Error("disk read failed"));
        }
      },
    });
  };

  it("lays files out under the root by their path segments", async () => {
    const bytes = Buffer.from("hello");
    await store.put({ path: [...folder, "email.eml"], size: bytes.length, content: contentOf(bytes) });
    expect(await filesIn(folder)).toEqual(["email.eml"]);
  });

  it("leaves no .partial file behind after a put", async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    await store.put({ path: [...folder, "scan.pdf"], size: bytes.length, content: contentOf(bytes) });
    await store.put({ path: [...folder, "scan.pdf"], size: bytes.length, content: contentOf(bytes) });
    expect(await filesIn(folder)).toEqual(["scan.pdf"]);
  });

  it("leaves neither the file nor a partial when the content fails midway", async () => {
    await expect(
      store.put({ path: [...folder, "scan.pdf"], size: 1024 * 1024, content: failingMidway() }),
    ).rejects.toThrow("disk read failed");
    expect(await filesIn(folder)).toEqual([]);
    expect(await store.get([...folder, "scan.pdf"])).toBeNull();
    expect(await store.list(folder)).toEqual([]);
  });

  it("keeps the previous file whole when a rewrite fails midway", async () => {
    const first = Buffer.from("the first copy");
    await store.put({ path: [...folder, "letter.pdf"], size: first.length, content: contentOf(first) });
    await expect(
      store.put({ path: [...folder, "letter.pdf"], size: 1024 * 1024, content: failingMidway() }),
    ).rejects.toThrow("disk read failed");
    expect(await filesIn(folder)).toEqual(["letter.pdf"]);
    const back = await store.get([...folder, "letter.pdf"]);
    expect(back && (await readAll(back))).toEqual(first);
  });
});
