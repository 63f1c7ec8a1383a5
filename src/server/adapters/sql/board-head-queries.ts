import type { Kysely } from "kysely";
import type { Stage } from "../../domain/stages.js";
import type { Database } from "./schema.js";

/**
 * How many cases are in each stage, all of them: the board's column counts for those who see every case, without
 * reading 10,000 rows (the stage index answers it). Stages with no case are absent.
 */
export async function countCasesByStage(db: Kysely<Database>): Promise<Partial<Record<Stage, number>>> {
  const rows = await db
    .selectFrom("cases")
    .select((eb) => ["stage", eb.fn.countAll<number | string | bigint>().as("n")])
    .groupBy("stage")
    .execute();
  const counts: Partial<Record<Stage, number>> = {};
  // PostgreSQL's count(*) is a bigint, which the driver returns as a string.
  for (const row of rows) counts[row.stage as Stage] = Number(row.n);
  return counts;
}
