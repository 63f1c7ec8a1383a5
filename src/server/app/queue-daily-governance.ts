import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { AppDeps } from "./deps.js";
import { queuePolicyReviewNotice } from "./queue-policy-review-notice.js";

/** Outbox job kind: the retention schedule, once a day. */
export const APPLY_RETENTION = "apply-retention";

/**
 * Run every few minutes with the other scheduled work: queues the day's retention run as an outbox job with a fixed
 * id (so it runs once a day however many servers there are, and a failure is retried and shown like any delivery),
 * and the policy review reminder emails when they are due.
 */
export async function queueDailyGovernance({ deps }: { deps: AppDeps }): Promise<number> {
  const now = deps.clock.now();
  const id = `${APPLY_RETENTION}-${londonDateTime(now).date}`;
  let added = 0;
  if (!(await deps.store.getJob(id))) {
    try {
      await deps.store.transaction((tx) =>
        tx.enqueue({ id, kind: APPLY_RETENTION, caseId: null, payload: {}, createdAt: now.toISOString() }),
      );
      added += 1;
    } catch {
      // Another server queued it first.
    }
  }
  added += await queuePolicyReviewNotice({ deps });
  if (added > 0) deps.outbox.notify();
  return added;
}
