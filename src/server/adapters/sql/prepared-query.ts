import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./schema.js";

const MARK = "\u0000redress-param:";

/** Stands for a named value in a query that is built once. Typed `never` so it fits any column. */
export type Param = (name: string) => never;

/**
 * A query built and compiled by Kysely once, then run many times with new values. Building and compiling costs
 * about as much as running a small statement on SQLite, and the hot paths (a new case, its timeline entry, its
 * reference) run the same shapes over and over. The SQL is still Kysely's, for whichever dialect the store has, so
 * PostgreSQL gets its own compilation of the same query.
 *
 * Named values are found by marking them while building (`param("id")`) and reading back where the compiler put
 * them; any other value the builder held is kept as it was.
 */
export class PreparedQuery<Row = unknown> {
  private template: { compiled: CompiledQuery<Row>; slots: Array<{ name: string } | { value: unknown }> } | null = null;

  constructor(private readonly build: (db: Kysely<Database>, param: Param) => Compilable<Row>) {}

  execute(db: Kysely<Database>, values: Readonly<Record<string, unknown>>): Promise<QueryResult<Row>> {
    const { compiled, slots } = this.template ?? this.prepare(db);
    const parameters = slots.map((slot) => ("name" in slot ? boundValue(values, slot.name) : slot.value));
    return db.executeQuery<Row>({ ...compiled, parameters });
  }

  private prepare(db: Kysely<Database>) {
    const compiled = this.build(db, (name) => `${MARK}${name}` as never).compile();
    const slots = compiled.parameters.map((p) =>
      typeof p === "string" && p.startsWith(MARK) ? { name: p.slice(MARK.length) } : { value: p },
    );
    this.template = { compiled, slots };
    return this.template;
  }
}

function boundValue(values: Readonly<Record<string, unknown>>, name: string): unknown {
  if (!Object.hasOwn(values, name)) throw new Error(`No value given for query parameter "${name}"`);
  return values[name];
}
