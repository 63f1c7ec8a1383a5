import type { Database as BetterSqliteDatabase, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more than running a small statement. This
 * hands it the database behind a cache of prepared statements keyed by their SQL text (the parameters are bound at
 * each run, so one statement serves every call of a query shape). Least recently used shapes leave first once
 * `max` are held, so queries built from free-form filters cannot grow it without bound.
 */
export function withStatementCache(database: BetterSqliteDatabase, max = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): Statement {
      const hit = cache.get(sql);
      if (hit) {
        // Re-inserting moves it to the end: the Map's first key is then always the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > max) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}
