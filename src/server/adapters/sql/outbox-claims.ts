import type { Kysely } from "kysely";
import { OUTCOME_UNKNOWN } from "../../ports/delivery-error.js";
import type { Database, OutboxTable } from "./schema.js";

/**
 * The outbox's claims and leases (port: OutboxClaims), as portable Kysely over one connection. PostgreSQL adds
 * `FOR UPDATE SKIP LOCKED` to the claim, so workers of several servers take different jobs without waiting for one
 * another; SQLite has one writer at a time (and one server), so the same UPDATE … RETURNING is already atomic.
 */

/** Why a job whose worker stopped mid-delivery is tried again; the marker check runs before anything is resent. */
export const CUT_SHORT = `The server delivering it stopped before it finished ${OUTCOME_UNKNOWN}`;

export async function claimJobs(
  db: Kysely<Database>,
  options: { workerId: string; now: string; leaseUntil: string; limit: number; skipKinds?: readonly string[] },
  dialect: { skipLocked: boolean },
): Promise<OutboxTable[]> {
  // On PostgreSQL the two statements are one transaction (SQLite's caller is in one already, the group commit's).
  return dialect.skipLocked
    ? db.transaction().execute((trx) => claimCases(trx, options, true))
    : claimCases(db, options, false);
}

/**
 * Claims the first due job of up to `limit` cases (the head: no earlier job of its case is held or due), then the
 * rest of those cases' due jobs with it, so one worker delivers a case's due jobs one after another in one round.
 * A job of no case is a case of its own.
 */
async function claimCases(
  db: Kysely<Database>,
  options: { workerId: string; now: string; leaseUntil: string; limit: number; skipKinds?: readonly string[] },
  skipLocked: boolean,
): Promise<OutboxTable[]> {
  let candidates = db
    .selectFrom("outbox as o")
    .select("o.id")
    .where("o.status", "=", "pending")
    .where("o.next_attempt_at", "<=", options.now)
    .where("o.claimed_by", "is", null)
    // Per-case order: a job waits while an earlier job of its case is held by a worker or due now, whichever server
    // has it. One backing off after a failure does not hold the rest of its case up for an hour (as before claims).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("outbox as e")
            .select("e.id")
            .whereRef("e.case_id", "=", "o.case_id")
            .where("e.status", "=", "pending")
            .where((eb) => eb.or([eb("e.next_attempt_at", "<=", options.now), eb("e.claimed_by", "is not", null)]))
            .where((eb) =>
              eb.or([
                eb("e.created_at", "<", eb.ref("o.created_at")),
                eb.and([eb("e.created_at", "=", eb.ref("o.created_at")), eb("e.id", "<", eb.ref("o.id"))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy("o.next_attempt_at")
    .orderBy("o.created_at")
    .limit(options.limit);
  if (options.skipKinds?.length) candidates = candidates.where("o.kind", "not in", [...options.skipKinds]);
  if (skipLocked) candidates = candidates.forUpdate().skipLocked();
  const claim = { claimed_by: options.workerId, lease_until: options.leaseUntil };
  const heads = await db.updateTable("outbox").set(claim).where("id", "in", candidates).returningAll().execute();
  const caseIds = [...new Set(heads.flatMap((h) => (h.case_id === null ? [] : [h.case_id])))];
  // The rest of each case's due jobs: all later than its head (an earlier due one would have been the head). Another
  // server cannot take them meanwhile: it sees the head still due, so they wait behind it, and then it is held.
  const rest =
    caseIds.length === 0
      ? []
      : await db
          .updateTable("outbox")
          .set(claim)
          .where("status", "=", "pending")
          .where("claimed_by", "is", null)
          .where("next_attempt_at", "<=", options.now)
          .where("case_id", "in", caseIds)
          .returningAll()
          .execute();
  // UPDATE … RETURNING gives no order: in the order written, which is each case's order.
  return [...heads, ...rest].sort((a, b) => a.created_at.localeCompare(b.created_at) || (a.id < b.id ? -1 : 1));
}

export async function renewClaims(
  db: Kysely<Database>,
  workerId: string,
  jobIds: readonly string[],
  leaseUntil: string,
): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .updateTable("outbox")
    .set({ lease_until: leaseUntil })
    .where("claimed_by", "=", workerId)
    .where("id", "in", [...jobIds])
    .execute();
}

export async function releaseClaims(
  db: Kysely<Database>,
  workerId: string,
  jobIds: readonly string[],
  after?: { outcomeUnknown: true; nextAttemptAt: string },
): Promise<void> {
  if (jobIds.length === 0) return;
  const query = db
    .updateTable("outbox")
    .where("claimed_by", "=", workerId)
    .where("id", "in", [...jobIds])
    .where("status", "=", "pending");
  if (after) {
    await query
      .set((eb) => ({
        claimed_by: null,
        lease_until: null,
        attempts: eb("attempts", "+", 1),
        last_error: CUT_SHORT,
        next_attempt_at: after.nextAttemptAt,
      }))
      .execute();
  } else {
    await query.set({ claimed_by: null, lease_until: null }).execute();
  }
}

export async function reclaimExpired(
  db: Kysely<Database>,
  now: string,
  nextAttemptAt: string,
  exceptWorkerId?: string,
): Promise<number> {
  let query = db
    .updateTable("outbox")
    .set((eb) => ({
      claimed_by: null,
      lease_until: null,
      attempts: eb("attempts", "+", 1),
      last_error: CUT_SHORT,
      next_attempt_at: nextAttemptAt,
    }))
    .where("status", "=", "pending")
    .where("claimed_by", "is not", null)
    .where("lease_until", "<", now);
  if (exceptWorkerId) query = query.where("claimed_by", "!=", exceptWorkerId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function reserveRateSlot(
  db: Kysely<Database>,
  kind: string,
  nowMs: number,
  gapMs: number,
): Promise<number> {
  await db
    .insertInto("outbox_rate_slots")
    .values({ kind, slot_ms: 0 })
    .onConflict((oc) => oc.column("kind").doNothing())
    .execute();
  // One statement, so the read and the move of the slot are atomic on both databases (a row lock on PostgreSQL).
  const row = await db
    .updateTable("outbox_rate_slots")
    .set((eb) => ({
      slot_ms: eb
        .case()
        .when("slot_ms", "<", nowMs)
        .then(nowMs + gapMs)
        .else(eb("slot_ms", "+", gapMs))
        .end(),
    }))
    .where("kind", "=", kind)
    .returning("slot_ms")
    .executeTakeFirstOrThrow();
  return Number(row.slot_ms) - gapMs;
}
