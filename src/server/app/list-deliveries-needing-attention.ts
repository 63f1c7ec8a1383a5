import { AppError } from "../domain/app-error.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { OutboxJob } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";

/** Failing this many times in a row puts a still-pending job on the list too. */
const STRUGGLING_ATTEMPTS = 3;

export interface DeliveryNeedingAttention {
  job: OutboxJob;
  reference: string | null;
}

export const mayManageDeliveries = (actor: Actor): boolean =>
  hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Admin");

/**
 * The board's "needs attention" list: dead-lettered deliveries (kept, never deleted) and ones still failing after
 * several tries, oldest first, with their case reference. Directors and admins only.
 */
export async function listDeliveriesNeedingAttention(options: {
  deps: AppDeps;
  actor: Actor;
}): Promise<DeliveryNeedingAttention[]> {
  const { deps, actor } = options;
  if (!mayManageDeliveries(actor))
    throw new AppError("FORBIDDEN", "Only directors and administrators see failed deliveries.");
  const dead = await deps.store.listJobs({ status: "dead" });
  const pending = (await deps.store.listJobs({ status: "pending" })).filter((j) => j.attempts >= STRUGGLING_ATTEMPTS);
  const refs = new Map<string, string | null>();
  const out: DeliveryNeedingAttention[] = [];
  for (const job of [...dead, ...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (job.caseId && !refs.has(job.caseId))
      refs.set(job.caseId, (await deps.store.getCase(job.caseId))?.reference ?? null);
    out.push({ job, reference: job.caseId ? (refs.get(job.caseId) ?? null) : null });
  }
  // The list names each case by its reference: a read of those cases, recorded (via `deliveries`).
  const at = deps.clock.now().toISOString();
  await deps.store.recordReads(
    [...refs.keys()].map((caseId) => ({ caseId, actorId: actor.id, at, via: "deliveries" })),
  );
  return out;
}
