import { formatUkLong } from "../domain/calendar/plain-date.js";
import { policyReviewReminder } from "../domain/settings.js";
import type { OutboxJob } from "../ports/case-store.js";
import { DeliveryError } from "../ports/delivery-error.js";
import type { OutgoingEmail } from "../ports/mailer.js";
import type { DeliveryDeps } from "./delivery-deps.js";
import type { AppDeps } from "./deps.js";

/** Outbox job kind: a short email with no letter attached. */
export const SEND_NOTICE_EMAIL = "send-notice-email";

/**
 * Outbox job `send-notice-email`, with one of two purposes:
 * - `web-confirmation`: tells someone who complained on the public page that it arrived, with its reference and
 *   the date they will hear by;
 * - `policy-review`: reminds an admin or director that the complaints policy is due for review.
 * Like letters, a retry first looks for the job's marker in Sent Items, so nobody gets two.
 */
export async function sendNoticeEmail(options: {
  deps: AppDeps;
  delivery: DeliveryDeps;
  job: OutboxJob;
}): Promise<void> {
  const { deps, delivery, job } = options;
  const email = await compose(deps, job);
  if (!email) return;
  if (job.attempts > 0 && (await delivery.mailer.findSent(email.marker))) return;
  await delivery.mailer.send(email);
}

async function compose(deps: AppDeps, job: OutboxJob): Promise<OutgoingEmail | null> {
  if (job.payload.purpose === "web-confirmation") {
    const c = job.caseId ? await deps.store.getCase(job.caseId) : null;
    if (!c) return null; // erased before it went: nothing to say
    const address = c.complainant.email;
    if (!address) throw new DeliveryError("Email: the complainant gave no email address", { permanent: true });
    return {
      marker: `${c.reference}/${job.id}`,
      to: [{ name: c.complainant.name, address }],
      subject: `We have received your complaint (${c.reference})`,
      text: [
        `Dear ${c.complainant.name ?? "Sir or Madam"},`,
        "",
        `Thank you for your complaint, which we have logged with the reference ${c.reference}. Please quote it if you write to us.`,
        "",
        `We will acknowledge it by ${formatUkLong(c.acknowledgeDueDate)} and respond in writing by ${formatUkLong(c.responseDueDate)} (${c.policy.responseWorkingDays} working days).`,
        "",
        `If you have anything to add, reply to this email or write to ${c.policy.complaintsEmail}.`,
        "",
        c.policy.organisationName,
      ].join("\n"),
      attachments: [],
    };
  }
  if (job.payload.purpose === "policy-review") {
    const user = await deps.directory.getUser(String(job.payload.userId));
    if (!user?.email) return null; // left, or no mailbox: the tab shows the reminder anyway
    const reminder = policyReviewReminder(
      { policyReviewDate: String(job.payload.reviewDate) },
      String(job.payload.reviewDate),
    );
    return {
      marker: `policy-review/${job.id}`,
      to: [{ name: user.name, address: user.email }],
      subject: "The complaints policy is due for review",
      text: [`Dear ${user.name},`, "", reminder.message, "", "Redress"].join("\n"),
      attachments: [],
    };
  }
  throw new DeliveryError(`Unknown notice email purpose ${String(job.payload.purpose)}`, { permanent: true });
}
