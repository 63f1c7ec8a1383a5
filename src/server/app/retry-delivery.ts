import { AppError } from "../domain/app-error.js";
import type { Actor } from "../domain/roles.js";
import type { OutboxJob } from "../ports/case-store.js";
import type { AppDeps } from "./deps.js";
import { mayManageDeliveries } from "./list-deliveries-needing-attention.js";

/**
 * A person's retry of a delivery (the "Retry" button): the job is pending again now, its dead-letter clock restarted
 * and its last error cleared — after a lost answer that means the person has checked it did not arrive. Recorded on
 * the case's timeline.
 */
export async function retryDelivery(options: { deps: AppDeps; actor: Actor; jobId: string }): Promise<OutboxJob> {
  const { deps, actor, jobId } = options;
  if (!mayManageDeliveries(actor))
    throw new AppError("FORBIDDEN", "Only directors and administrators can retry deliveries.");
  const job = await deps.store.getJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", "There is no such delivery.");
  if (job.status === "done")
    throw new AppError("ILLEGAL_TRANSITION", "This was delivered already; there is nothing to retry.");
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.reviveJob(jobId, at);
    if (job.caseId) {
      await tx.appendTimeline({
        id: deps.newId(),
        caseId: job.caseId,
        at,
        actorId: actor.id,
        kind: "delivery-retried",
        summary: "A failed delivery was sent for another try.",
        data: { jobId, kind: job.kind },
      });
    }
  });
  deps.outbox.notify();
  return (await deps.store.getJob(jobId)) ?? job;
}
