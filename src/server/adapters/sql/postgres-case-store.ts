import { Kysely, PostgresDialect, type PostgresPool } from "kysely";
import pg from "pg";
import { KyselyCaseStore } from "./kysely-case-store.js";
import type { Database } from "./schema.js";

/**
 * PostgreSQL, for several servers sharing one database (Azure Database for PostgreSQL in production). The SQL is
 * KyselyCaseStore's, compiled for PostgreSQL; what differs is here: a pool of connections (each transaction on its
 * own), and claims that skip rows another server has locked. Every commit is durable before it returns
 * (`synchronous_commit` on, PostgreSQL's default), so no group commit is needed: transactions on different
 * connections commit side by side and share the WAL flush.
 *
 * References stay gap-free and unique across servers: the counter row is upserted inside the case's transaction,
 * so PostgreSQL's row lock makes a second allocator of the same year wait for the first to commit or roll back.
 */
export class PostgresCaseStore extends KyselyCaseStore {
  protected override readonly skipLocked = true;

  constructor(
    db: Kysely<Database>,
    protected override readonly schema: string | undefined = undefined,
  ) {
    super(db);
  }
}

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). */
  url: string;
  /** Connections per server; each transaction holds one until it commits. */
  poolSize: number;
  /** A schema other than the default (tests: one per store). It must exist. */
  schema?: string;
}

export async function openPostgresCaseStore(options: PostgresOptions): Promise<PostgresCaseStore> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle connection the server drops (restart, failover) is reported here; the pool replaces it on next use.
  // Without a listener Node would end the process on that event.
  pool.on("error", () => undefined);
  return openOnPool(pool, options.schema);
}

/** Any pool of the `pg` shape (PGlite's in tests), migrated. */
export async function openOnPool(pool: PostgresPool, schema?: string): Promise<PostgresCaseStore> {
  const store = new PostgresCaseStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), schema);
  await store.migrate();
  return store;
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
