import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalBlobStore } from "../../../src/server/adapters/files/local-blob-store.js";
import { LocalFolderDocumentStore } from "../../../src/server/adapters/files/local-folder-document-store.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "redress-link-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("filing a blob into the local folder", () => {
  it("links the read-only blob into place rather than copying it, and the content is the blob's", async () => {
    const blobs = await new LocalBlobStore(path.join(dir, "blobs")).init();
    const bytes = Buffer.from("the complaint, byte for byte\r\n");
    const sha = createHash("sha256").update(bytes).digest("hex");
    const temp = blobs.tempPath();
    await writeFile(temp, bytes);
    await blobs.adopt(temp, sha);
    const folder = new LocalFolderDocumentStore(path.join(dir, "documents"));
    const target = ["Directors", "Complaints", "CMP-2026-0001", "message.eml"];
    await folder.put({
      path: target,
      size: bytes.length,
      content: () => {
        throw new Error("a linked document is not copied");
      },
      localSource: blobs.localPath(sha),
    });
    const filed = path.join(dir, "documents", ...target);
    expect(await readFile(filed)).toEqual(bytes);
    const [blobStat, filedStat] = await Promise.all([stat(blobs.localPath(sha)), stat(filed)]);
    expect(filedStat.ino).toBe(blobStat.ino);
    expect(blobStat.mode & 0o222).toBe(0); // nobody may write to the evidence in place
    expect(await folder.list(target.slice(0, -1))).toEqual(["message.eml"]);
  });

  it("copies from the content when there is nothing to link", async () => {
    const folder = new LocalFolderDocumentStore(path.join(dir, "documents"));
    await folder.put({
      path: ["a.txt"],
      size: 3,
      content: () => Readable.from([Buffer.from("abc")]),
      localSource: path.join(dir, "missing"),
    });
    expect(await readFile(path.join(dir, "documents", "a.txt"), "utf8")).toBe("abc");
  });
});
