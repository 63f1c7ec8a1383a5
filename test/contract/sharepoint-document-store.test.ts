import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { SharePointDocumentStore } from "../../src/server/adapters/graph/sharepoint-document-store.js";
import { DeliveryError } from "../../src/server/ports/delivery-error.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";
import { contentOf, documentStoreContract, readAll } from "./document-store.contract.js";

const KiB = 1024;

documentStoreContract("SharePoint through the Graph emulator", async () => {
  const emulator = await GraphEmulator.start();
  const graph = connectToEmulator(emulator);
  const store = new SharePointDocumentStore({
    graph: graph.appGraph,
    transport: graph.transport,
    driveId: emulator.options.driveId,
  });
  return {
    store,
    cleanup: async () => {
      graph.close();
      await emulator.close();
    },
  };
});

describe("SharePoint document store", () => {
  let emulator: GraphEmulator;
  let graph: GraphConnection;
  let store: SharePointDocumentStore;
  const folder = ["Directors", "Complaints", "CMP-2026-0007"];

  beforeAll(async () => {
    emulator = await GraphEmulator.start();
    graph = connectToEmulator(emulator, { timeoutMs: 2000 });
    store = new SharePointDocumentStore({
      graph: graph.appGraph,
      transport: graph.transport,
      driveId: emulator.options.driveId,
      fragmentBytes: 320 * KiB,
      retryDelayMs: () => 10,
    });
  });
  afterAll(async () => {
    graph.close();
    await emulator.close();
  });

  it("keeps SharePoint's webUrl and makes the case folder on demand", async () => {
    const { webUrl } = await store.put({
      path: [...folder, "email.eml"],
      size: 5,
      content: contentOf(Buffer.from("hello")),
    });
    expect(webUrl).toMatch(
      /^https:\/\/contoso\.sharepoint\.com\/sites\/complaints\/.*\/Directors\/Complaints\/CMP-2026-0007\/email\.eml$/,
    );
    expect(await store.list(folder)).toEqual(["email.eml"]);
  });

  it("uploads large files through a session in 320 KiB multiples, never sending Authorization to the upload URL", async () => {
    const bytes = randomBytes(2 * 1024 * KiB + 123);
    await store.put({ path: [...folder, "scan.pdf"], size: bytes.length, content: contentOf(bytes) });
    expect((await emulator.fileAt("Directors/Complaints/CMP-2026-0007/scan.pdf"))?.equals(bytes)).toBe(true);
    expect(emulator.refusals).toEqual([]);
  });

  it("resumes after connections cut mid-fragment, from nextExpectedRanges", async () => {
    const bytes = randomBytes(6 * 1024 * KiB);
    emulator.faults.add({ match: /^PUT \/upload\//, kind: "cut", afterBytes: 100 * KiB, times: 3 });
    const before = emulator.calls.get("GET upload") ?? 0;
    await store.put({ path: [...folder, "video.mp4"], size: bytes.length, content: contentOf(bytes) });
    expect((await emulator.fileAt("Directors/Complaints/CMP-2026-0007/video.mp4"))?.equals(bytes)).toBe(true);
    expect((emulator.calls.get("GET upload") ?? 0) - before).toBe(3); // asked the session where to resume, each time
  });

  it("honours 429 Retry-After on a fragment and carries on", async () => {
    const bytes = randomBytes(5 * 1024 * KiB);
    emulator.faults.add({ match: /^PUT \/upload\//, kind: "status", status: 429, retryAfterSeconds: 0.05, times: 2 });
    emulator.faults.add({ match: /^PUT \/upload\//, kind: "status", status: 503, times: 1 });
    await store.put({ path: [...folder, "big.pdf"], size: bytes.length, content: contentOf(bytes) });
    const back = await store.get([...folder, "big.pdf"]);
    expect(back && (await readAll(back)).equals(bytes)).toBe(true);
  });

  it("reports throttling of a small PUT as a transient failure with Retry-After", async () => {
    emulator.faults.add({
      match: /^PUT \/v1\.0\/drives\//,
      kind: "status",
      status: 429,
      retryAfterSeconds: 7,
      times: 1,
    });
    const failure = await store
      .put({ path: [...folder, "x.txt"], size: 1, content: contentOf(Buffer.from("x")) })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).permanent).toBe(false);
    expect((failure as DeliveryError).retryAfterMs).toBe(7000);
  });
});
