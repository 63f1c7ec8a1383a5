/**
 * Fresh PostgreSQL stores for tests: a new schema on the server named by TEST_POSTGRES_URL (CI starts one), or on
 * one in-process PGlite otherwise (shared, since PGlite takes seconds to start), so the dialect is tested on any
 * machine. Each store gets its own schema and drops it on cleanup.
 */
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PglitePool } from "../../src/server/adapters/sql/pglite-pool.js";
import {
  openOnPool,
  openPostgresCaseStore,
  type PostgresCaseStore,
  quoteIdent,
} from "../../src/server/adapters/sql/postgres-case-store.js";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;

let lite: Promise<PGlite> | undefined;

/** The shared PGlite; call it in a beforeAll with a long timeout, since the first start compiles PostgreSQL. */
export function sharedPglite(): Promise<PGlite> {
  lite ??= PGlite.create();
  return lite;
}

export async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface FreshPostgres {
  store: PostgresCaseStore;
  schema: string;
  /** Opens another store on the same schema: a second server on the same database (server only). */
  openAnother(): Promise<PostgresCaseStore>;
  cleanup(): Promise<void>;
}

export async function openFreshPostgres(options: { poolSize?: number } = {}): Promise<FreshPostgres> {
  const schema = `redress_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const url = TEST_POSTGRES_URL;
  if (url) {
    await onServer(url, `create schema ${quoteIdent(schema)}`);
    const open = () => openPostgresCaseStore({ url, poolSize: options.poolSize ?? 10, schema });
    const store = await open();
    const others: PostgresCaseStore[] = [];
    return {
      store,
      schema,
      async openAnother() {
        const other = await open();
        others.push(other);
        return other;
      },
      async cleanup() {
        for (const s of [store, ...others]) await s.close();
        await onServer(url, `drop schema ${quoteIdent(schema)} cascade`);
      },
    };
  }
  const db = await sharedPglite();
  await db.exec(`create schema ${quoteIdent(schema)}`);
  const store = await openOnPool(new PglitePool(db, { searchPath: schema }), schema);
  return {
    store,
    schema,
    openAnother: () => openOnPool(new PglitePool(db, { searchPath: schema }), schema),
    async cleanup() {
      await store.close();
      await db.exec(`drop schema ${quoteIdent(schema)} cascade`);
    },
  };
}
