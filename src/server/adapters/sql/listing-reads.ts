import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface ListingRead {
  actorId: string;
  at: string;
  via: string;
  /** The references of every case the listing showed (`CMP-YYYY-NNNN`). */
  references: readonly string[];
}

export interface ReferenceRange {
  year: number;
  from: number;
  to: number;
}

/**
 * Rows per INSERT of runs: 4 parameters each keeps a statement well under SQLite's (32,766) and PostgreSQL's
 * (65,535) limits on parameters.
 */
const RANGES_PER_INSERT = 2000;

/**
 * The references as runs of consecutive numbers per year. References have no gaps, so a board of everything is
 * one run a year; a handler's few cases are a few runs. A reference that is not `CMP-YYYY-N` is refused: it would
 * be a read nobody could find again.
 */
export function referenceRanges(references: readonly string[]): ReferenceRange[] {
  const parsed = references.map((reference) => {
    const match = /^CMP-(\d{4})-(\d+)$/.exec(reference);
    if (!match) throw new Error(`Malformed reference ${reference}`);
    return { year: Number(match[1]), seq: Number(match[2]) };
  });
  parsed.sort((a, b) => a.year - b.year || a.seq - b.seq);
  const ranges: ReferenceRange[] = [];
  for (const { year, seq } of parsed) {
    const last = ranges[ranges.length - 1];
    if (last && last.year === year && seq <= last.to + 1) last.to = Math.max(last.to, seq);
    else ranges.push({ year, from: seq, to: seq });
  }
  return ranges;
}

/** Records one listing and its runs; call inside one transaction so the two are never apart. */
export async function insertListingRead(db: Kysely<Database>, read: ListingRead): Promise<void> {
  if (read.references.length === 0) return;
  const id = randomUUID();
  await db
    .insertInto("listing_reads")
    .values({ id, actor_id: read.actorId, at: read.at, via: read.via, case_count: read.references.length })
    .execute();
  const ranges = referenceRanges(read.references);
  for (let i = 0; i < ranges.length; i += RANGES_PER_INSERT) {
    await db
      .insertInto("listing_read_ranges")
      .values(
        ranges
          .slice(i, i + RANGES_PER_INSERT)
          .map((r) => ({ listing_id: id, ref_year: r.year, seq_from: r.from, seq_to: r.to })),
      )
      .execute();
  }
}

/** Every listing that showed this case: who, when, how. */
export async function listingReadsOf(
  db: Kysely<Database>,
  caseId: string,
): Promise<Array<{ actorId: string; at: string; via: string }>> {
  const rows = await db
    .selectFrom("cases")
    .innerJoin("listing_read_ranges as r", (join) =>
      join
        .onRef("r.ref_year", "=", "cases.ref_year")
        .onRef("r.seq_from", "<=", "cases.ref_seq")
        .onRef("r.seq_to", ">=", "cases.ref_seq"),
    )
    .innerJoin("listing_reads as l", "l.id", "r.listing_id")
    .select(["l.actor_id", "l.at", "l.via"])
    .where("cases.id", "=", caseId)
    .orderBy("l.at")
    .execute();
  return rows.map((r) => ({ actorId: r.actor_id, at: r.at, via: r.via }));
}
