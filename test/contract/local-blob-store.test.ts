import { createHash, randomBytes } from "node:crypto";
import { access, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalBlobStore } from "../../src/server/adapters/files/local-blob-store.js";
import { readAll } from "./document-store.contract.js";

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe("local blob store", () => {
  let root: string;
  let blobs: LocalBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "redress-blobs-"));
    blobs = await new LocalBlobStore(root).init();
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Writes bytes to a fresh temporary file, as the email parser does with an attachment. */
  async function written(bytes: Buffer): Promise<string> {
    const temp = blobs.tempPath();
    await writeFile(temp, bytes);
    return temp;
  }

  it("hands out distinct temporary paths inside its temporary folder", () => {
    const a = blobs.tempPath();
    const b = blobs.tempPath();
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe(blobs.tempDir);
  });

  it("adopts a temporary file under its hash, moving it rather than copying", async () => {
    const bytes = randomBytes(300 * 1024);
    const hash = sha256(bytes);
    const temp = await written(bytes);
    expect(await blobs.has(hash)).toBe(false);

    await blobs.adopt(temp, hash);

    expect(await exists(temp)).toBe(false);
    expect(await blobs.has(hash)).toBe(true);
    expect(await blobs.size(hash)).toBe(bytes.length);
    expect((await readAll(blobs.open(hash))).equals(bytes)).toBe(true);
    expect(await blobs.list()).toEqual([hash]);
    expect(await readdir(blobs.tempDir)).toEqual([]);
  });

  it("adopts the same content again without harm, removing the second temporary file", async () => {
    const bytes = Buffer.from("the same attachment twice");
    const hash = sha256(bytes);
    await blobs.adopt(await written(bytes), hash);
    const again = await written(bytes);

    await blobs.adopt(again, hash);

    expect(await exists(again)).toBe(false);
    expect(await blobs.list()).toEqual([hash]);
    expect(await readAll(blobs.open(hash))).toEqual(bytes);
  });

  it("lists every blob, and forgets one that is removed", async () => {
    const contents = [Buffer.from("one"), Buffer.from("two"), Buffer.from("three"), Buffer.alloc(0)];
    for (const bytes of contents) await blobs.adopt(await written(bytes), sha256(bytes));
    const hashes = contents.map(sha256);
    expect((await blobs.list()).sort()).toEqual([...hashes].sort());
    expect(await blobs.size(sha256(Buffer.alloc(0)))).toBe(0);

    const [gone, ...kept] = hashes as [string, ...string[]];
    await blobs.remove(gone);
    expect(await blobs.has(gone)).toBe(false);
    expect((await blobs.list()).sort()).toEqual(kept.sort());
    await blobs.remove(gone); // removing twice is no error
  });

  it("lists nothing when empty and does not count temporary files as blobs", async () => {
    expect(await blobs.list()).toEqual([]);
    await written(Buffer.from("left over"));
    expect(await blobs.list()).toEqual([]);
  });

  it("clears temporary files left by an interrupted write, keeping the folder and the blobs", async () => {
    const bytes = Buffer.from("kept");
    await blobs.adopt(await written(bytes), sha256(bytes));
    const leftovers = [await written(Buffer.from("half an attachment")), await written(Buffer.from("another"))];

    await blobs.clearTemp();

    for (const file of leftovers) expect(await exists(file)).toBe(false);
    expect(await readdir(blobs.tempDir)).toEqual([]);
    expect(await blobs.list()).toEqual([sha256(bytes)]);
    await writeFile(blobs.tempPath(), "the folder is still usable");
  });

  it("refuses a name that is not a SHA-256 hex digest", async () => {
    for (const bad of ["", "abc", "../../etc/passwd", "A".repeat(64), `${"a".repeat(63)}/`]) {
      await expect(async () => blobs.has(bad)).rejects.toThrow();
      await expect(async () => blobs.size(bad)).rejects.toThrow();
      await expect(async () => blobs.remove(bad)).rejects.toThrow();
      expect(() => blobs.open(bad)).toThrow();
    }
  });
});
