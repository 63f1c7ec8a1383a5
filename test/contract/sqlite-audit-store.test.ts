import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";
import { auditStoreContract } from "./audit-store.contract.js";

auditStoreContract("SQLite file", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "redress-audit-"));
  const store = await openSqliteCaseStore({ file: path.join(dir, "cases.db") });
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
