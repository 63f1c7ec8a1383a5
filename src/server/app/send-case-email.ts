import type { Readable } from "node:stream";
import type { ComplaintCase } from "../domain/case.js";
import { appealDeadlineFor } from "../domain/procedure/handling.js";
import type { OutboxJob } from "../ports/case-store.js";
import { DeliveryError } from "../ports/delivery-error.js";
import { calendarFor } from "./case-calendar.js";
import type { LetterPurpose } from "./case-effects.js";
import type { DeliveryDeps } from "./delivery-deps.js";
import type { AppDeps } from "./deps.js";

const SUBJECTS: Record<LetterPurpose, string> = {
  acknowledgement: "We have received your complaint",
  outcome: "The outcome of your complaint",
  "appeal-decision": "The decision on your appeal",
};

/**
 * Outbox job `send-email`: a letter sent from the shared mailbox with the letter attached (the same document is
 * filed in the case folder by its own job). Before any retry the Sent Items are searched for the job's marker, so
 * the complainant never gets two. The time the mail service accepted it is recorded on the case; for the outcome
 * sent by email that time starts the appeal window (DESIGN §1), so the appeal deadline is worked out from it.
 */
export async function sendCaseEmail(options: { deps: AppDeps; delivery: DeliveryDeps; job: OutboxJob }): Promise<void> {
  const { deps, delivery, job } = options;
  const purpose = job.payload.purpose as LetterPurpose;
  const c = job.caseId ? await deps.store.getCase(job.caseId) : null;
  const letter = await deps.store.getDocument(String(job.payload.letterDocumentId));
  if (!c || !letter) return;
  const address = c.complainant.email;
  if (!address) throw new DeliveryError("Email: the complainant has no email address", { permanent: true });
  const marker = `${c.reference}/${job.id}`;
  if (job.attempts > 0) {
    const earlier = await delivery.mailer.findSent(marker);
    if (earlier)
      return recordAccepted({ deps, delivery, caseId: c.id, purpose, acceptedAt: earlier.sentAt, jobId: job.id });
  }
  const content = await readAll(deps.blobs.open(letter.sha256));
  const { acceptedAt } = await delivery.mailer.send({
    marker,
    to: [{ name: c.complainant.name, address }],
    subject: `${SUBJECTS[purpose]} (${c.reference})`,
    text: `Please find our letter attached.\n\nReference: ${c.reference}\n\n${c.policy.organisationName}`,
    attachments: [{ name: letter.name, contentType: letter.contentType, content }],
  });
  await recordAccepted({ deps, delivery, caseId: c.id, purpose, acceptedAt, jobId: job.id });
}

async function recordAccepted(options: {
  deps: AppDeps;
  delivery: DeliveryDeps;
  caseId: string;
  purpose: LetterPurpose;
  acceptedAt: string;
  jobId: string;
}): Promise<void> {
  const { deps, caseId, purpose, acceptedAt } = options;
  await deps.store.transaction(async (tx) => {
    const c = await tx.getCase(caseId);
    if (!c) return;
    let next: ComplaintCase | null = null;
    const startsWindow = options.delivery.acceptanceStartsAppealWindow;
    if (startsWindow && purpose === "outcome" && c.outcome?.method === "email" && c.outcome.sentAt !== acceptedAt) {
      const window = appealDeadlineFor({ calendar: calendarFor(c.policy) }, c, "email", new Date(acceptedAt));
      next = { ...c, version: c.version + 1, outcome: { ...c.outcome, sentAt: acceptedAt, ...window } };
      await tx.updateCase(next);
    }
    await tx.appendTimeline({
      id: deps.newId(),
      caseId,
      at: deps.clock.now().toISOString(),
      actorId: "redress",
      kind: "email-accepted",
      summary: `The ${purpose.replace("-", " ")} letter was accepted for delivery by email at ${acceptedAt}.`,
      data: {
        purpose,
        acceptedAt,
        jobId: options.jobId,
        ...(next?.outcome ? { appealDeadline: next.outcome.appealDeadline } : {}),
      },
    });
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
