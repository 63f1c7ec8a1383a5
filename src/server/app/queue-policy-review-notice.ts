import { londonDateTime } from "../domain/calendar/plain-date.js";
import { completeSettings, policyReviewReminder } from "../domain/settings.js";
import type { AppDeps } from "./deps.js";
import { SEND_NOTICE_EMAIL } from "./send-notice-email.js";

/**
 * Run with the daily work: from a month before the policy review date, each admin and director is emailed once
 * (the job id is fixed by review date and person, so however often this runs, and on however many servers, one
 * email each). Setting a new review date starts the cycle again.
 */
export async function queuePolicyReviewNotice({ deps }: { deps: AppDeps }): Promise<number> {
  const settings = completeSettings(await deps.policy.current());
  const today = londonDateTime(deps.clock.now()).date;
  const reminder = policyReviewReminder(settings, today);
  if (!reminder.due) return 0;
  const people = [
    ...(await deps.directory.usersWithRole("Complaints.Admin")),
    ...(await deps.directory.usersWithRole("Complaints.Direct")),
  ];
  const at = deps.clock.now().toISOString();
  let added = 0;
  for (const userId of new Set(people.map((p) => p.id))) {
    const id = `policy-review-${reminder.reviewDate}-${userId}`;
    if (await deps.store.getJob(id)) continue;
    try {
      await deps.store.transaction((tx) =>
        tx.enqueue({
          id,
          kind: SEND_NOTICE_EMAIL,
          caseId: null,
          payload: { purpose: "policy-review", userId, reviewDate: reminder.reviewDate },
          createdAt: at,
        }),
      );
      added += 1;
    } catch {
      // Another server queued it first: the fixed id keeps one.
    }
  }
  if (added > 0) deps.outbox.notify();
  return added;
}
