import type { ActivityKind } from "../ports/activity-notifier.js";
import type { OutboxJob } from "../ports/case-store.js";
import { OUTCOME_UNKNOWN } from "../ports/delivery-error.js";
import type { DeliveryDeps } from "./delivery-deps.js";
import type { AppDeps } from "./deps.js";

const PREVIEW: Record<ActivityKind, (ref: string) => string> = {
  caseAssigned: (ref) => `Complaint ${ref} has been assigned to you.`,
  caseDueSoon: (ref) => `Complaint ${ref} is due soon.`,
};

/**
 * Outbox job `notify-person`: an activity-feed notice. Graph offers no way to look a notice up, so it is delivered
 * at most once when an answer is lost (a missed nudge is better than two): a failure known not to have reached
 * Graph is retried as usual.
 */
export async function notifyPerson(options: { deps: AppDeps; delivery: DeliveryDeps; job: OutboxJob }): Promise<void> {
  const { deps, delivery, job } = options;
  if (job.lastError?.includes(OUTCOME_UNKNOWN)) return;
  const c = job.caseId ? await deps.store.getCase(job.caseId) : null;
  if (!c) return;
  const kind = job.payload.activity as ActivityKind;
  await delivery.activity.notify({
    marker: `${c.reference}/${job.id.slice(0, 8)}`,
    userId: String(job.payload.userId),
    kind,
    previewText: PREVIEW[kind](c.reference),
    caseUrl: delivery.caseUrl(c.id),
    reference: c.reference,
  });
}
