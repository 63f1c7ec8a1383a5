import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/** PostgreSQL's type oid for int8 (bigint). */
const INT8 = 20;

/** One queue per PGlite: pools over the same database (a schema each) still take turns on its one connection. */
const turns = new WeakMap<PGlite, Promise<void>>();

/**
 * PGlite (real PostgreSQL compiled to WebAssembly, in-process) shaped as the `pg` pool Kysely's PostgresDialect
 * takes, so a machine without a PostgreSQL server still tests the PostgreSQL dialect end to end. PGlite has one
 * connection: `connect()` hands it to one borrower at a time (a transaction holds it until it commits), the rest
 * queue. bigint comes back as text, as `pg` gives it, so both read back identically. With `searchPath`, each
 * borrower starts in that schema, so several stores can share one PGlite (it takes seconds to start).
 */
export class PglitePool implements PostgresPool {
  constructor(
    private readonly pg: PGlite,
    private readonly options: { searchPath?: string; closeOnEnd?: boolean } = {},
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = turns.get(this.pg) ?? Promise.resolve();
    turns.set(
      this.pg,
      turn.then(() => released),
    );
    await turn;
    const pg = this.pg;
    let done = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pg.query<R>(sql, [...parameters], { parsers: { [INT8]: (value: string) => value } });
        const command = /^\s*(insert|update|delete|merge)\b/i.exec(sql)?.[1]?.toUpperCase() ?? "SELECT";
        return {
          command: command as PostgresQueryResult<R>["command"],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release() {
        if (done) return;
        done = true;
        release();
      },
    };
    if (this.options.searchPath) {
      try {
        await pg.query(`set search_path to "${this.options.searchPath.replaceAll('"', '""')}"`);
      } catch (error) {
        client.release(); // the next borrower must not wait forever behind a failed hand-over
        throw error;
      }
    }
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    if (this.options.closeOnEnd) {
      await turns.get(this.pg);
      await this.pg.close();
    }
  }
}
