import { copyFile, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/adapters/sql/schema.js";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";
import type { WalCheckpointer } from "../../src/server/adapters/sql/wal-checkpointer.js";
import { boardHeadContract } from "./board-head.contract.js";
import { buildCase, caseStoreContract } from "./case-store.contract.js";
import { governanceStoreContract } from "./governance-store.contract.js";
import { outboxClaimsContract } from "./outbox-claims.contract.js";

async function openFresh() {
  const dir = await mkdtemp(path.join(tmpdir(), "redress-sqlite-"));
  const file = path.join(dir, "cases.db");
  const store = await openSqliteCaseStore({ file });
  return {
    file,
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

caseStoreContract("SQLite file", openFresh);
boardHeadContract("SQLite file", openFresh);

outboxClaimsContract("SQLite file", async () => {
  const opened = await openFresh();
  const others: Array<{ close(): Promise<void> }> = [];
  return {
    store: opened.store,
    // A second connection to the same file (SQLite serves one server, but the semantics must hold all the same).
    async openAnother() {
      const other = await openSqliteCaseStore({ file: opened.file });
      others.push(other);
      return other;
    },
    async cleanup() {
      for (const other of others) await other.close();
      await opened.cleanup();
    },
  };
});

describe("SQLite case store settings", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("keeps the database in WAL mode, which a second connection sees", async () => {
    const opened = await openFresh();
    cleanup = opened.cleanup;
    const reader = new BetterSqlite3(opened.file, { readonly: true });
    try {
      expect(reader.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      reader.close();
    }
  });

  it("commits with synchronous=FULL, checkpoints on another thread, and enforces foreign keys", async () => {
    const opened = await openFresh();
    cleanup = opened.cleanup;
    // `synchronous` and `foreign_keys` belong to a connection, not the file, so only the store's own connection can
    // answer. KyselyCaseStore keeps it in a protected field; reaching in is acceptable for this one check.
    const db = (opened.store as unknown as { db: Kysely<Database> }).db;
    const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(synchronous.rows[0]?.synchronous).toBe(2); // 2 = FULL
    const autoCheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(autoCheckpoint.rows[0]?.wal_autocheckpoint).toBe(0);
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
  });

  it("commits outbox claims in a lazy batch, visible at once, beside durable work, and returns to synchronous=FULL", async () => {
    const opened = await openFresh();
    cleanup = opened.cleanup;
    const db = (opened.store as unknown as { db: Kysely<Database> }).db;
    const id = "job-1";
    const createdAt = "2026-03-02T10:00:00.000Z";
    // A durable write queued behind the claim still gets a full commit of its own.
    await opened.store.transaction((tx) =>
      tx.enqueue({ id, kind: "send-email", caseId: null, payload: {}, createdAt }),
    );
    const [claimed, c] = await Promise.all([
      opened.store.claimJobs({ workerId: "w", now: createdAt, leaseUntil: "2026-03-02T10:01:00.000Z", limit: 5 }),
      opened.store.transaction(async (tx) => {
        const c = buildCase();
        await tx.insertCase(c);
        return c;
      }),
    ]);
    expect(claimed.map((j) => j.id)).toEqual([id]);
    const reader = new BetterSqlite3(opened.file, { readonly: true });
    try {
      expect(reader.prepare("select claimed_by from outbox where id = ?").get(id)).toEqual({ claimed_by: "w" });
      expect(reader.prepare("select count(*) as n from cases where id = ?").get(c.id)).toEqual({ n: 1 });
    } finally {
      reader.close();
    }
    const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(synchronous.rows[0]?.synchronous).toBe(2);
  });

  it("closes cleanly while a checkpoint is running: the WAL is folded in and removed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "redress-sqlite-"));
    const file = path.join(dir, "cases.db");
    const store = await openSqliteCaseStore({ file });
    await Promise.all(Array.from({ length: 50 }, () => store.transaction((tx) => tx.insertCase(buildCase()))));
    const running = (store as unknown as { checkpointer: WalCheckpointer }).checkpointer.run();
    await store.close();
    await running;
    await expect(stat(`${file}-wal`)).rejects.toThrow(/ENOENT/);
    const reader = new BetterSqlite3(file, { readonly: true });
    try {
      expect(reader.prepare("select count(*) as n from cases").get()).toEqual({ n: 50 });
    } finally {
      reader.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps the WAL bounded: checkpoints on their own thread copy it into the database", async () => {
    const opened = await openFresh();
    cleanup = opened.cleanup;
    for (let round = 0; round < 5; round++)
      await Promise.all(Array.from({ length: 20 }, () => opened.store.transaction((tx) => tx.insertCase(buildCase()))));
    const checkpointer = (opened.store as unknown as { checkpointer: WalCheckpointer }).checkpointer;
    const result = await checkpointer.run();
    expect(result.ok).toBe(true);
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    // Everything is in the database file itself: a copy of it without its WAL has all 100 cases.
    const copy = path.join(path.dirname(opened.file), "copy.db");
    await copyFile(opened.file, copy);
    const reader = new BetterSqlite3(copy, { readonly: true });
    try {
      expect(reader.prepare("select count(*) as n from cases").get()).toEqual({ n: 100 });
    } finally {
      reader.close();
    }
  });

  it("answers each of many concurrent transactions only after its commit, as another connection sees at that moment", async () => {
    const opened = await openFresh();
    cleanup = opened.cleanup;
    const reader = new BetterSqlite3(opened.file, { readonly: true });
    try {
      const visible = reader.prepare("select count(*) as n from cases where id = ?");
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: 40 }, () => buildCase()).map((c) =>
          opened.store
            .transaction(async (tx) => {
              await tx.insertCase(c);
            })
            // Synchronously, in the same turn as the answer: nothing can have committed it since.
            .then(() => seen.push((visible.get(c.id) as { n: number }).n)),
        ),
      );
      expect(seen).toEqual(Array.from({ length: 40 }, () => 1));
    } finally {
      reader.close();
    }
  });
});

governanceStoreContract("SQLite file", openFresh);
