import fs from "node:fs/promises";
import { AppError } from "../domain/app-error.js";
import type { ComplaintCase, Relationship } from "../domain/case.js";
import { receiveComplaint } from "../domain/procedure/receive.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { EmailEnvelope } from "../ports/email-parser.js";
import { calendarFor } from "./case-calendar.js";
import { addDocuments, enqueueJobs, type NewDocument } from "./case-documents.js";
import type { AppDeps } from "./deps.js";
import { EXTRACT_EMAIL_PARTS } from "./extract-email-parts.js";

export interface LogComplaintFromEmailOptions {
  deps: AppDeps;
  actor: Actor;
  /** The raw message, already streamed to a temporary file of the blob store. */
  upload: { tempPath: string; sha256: string; size: number };
  /** Its envelope, read while it streamed (EmailEnvelopeReader.finish); throws NOT_AN_EMAIL for other data. */
  readEnvelope: () => Promise<EmailEnvelope>;
  /** The instant Outlook says the message arrived (the add-in sends it); otherwise taken from the headers. */
  receivedAt?: Date;
  conversationId?: string;
  relationship?: Relationship;
  /** The logger's note for the Operations Director; kept in the case history. */
  note?: string;
  /** The category the add-in suggests; only a hint for triage. */
  suggestedCategory?: string;
}

export interface LogComplaintResult {
  case: ComplaintCase;
  /** False when this message was already logged: the existing case is returned, never a second one. */
  created: boolean;
}

/**
 * Policy 1.1: a complaint arrives by email. Logs it as a new case, or finds the case it already belongs to, from the
 * envelope alone (read while the message streamed in): the .eml is stored byte-exact and durably before the case
 * commits, and that commit also enqueues the job that extracts each attachment as its own document and the body's
 * summary (extract-email-parts.ts) — parsing megabytes of MIME is not done while the sender waits. The same
 * Message-ID with different content (not only transport headers) is kept on the existing case as a further,
 * flagged document: nothing is dropped.
 */
export async function logComplaintFromEmail(options: LogComplaintFromEmailOptions): Promise<LogComplaintResult> {
  const { actor, upload } = options;
  try {
    if (!hasRole(actor, "Complaints.Log")) {
      throw new AppError("FORBIDDEN", "Your role does not allow logging complaints.");
    }
    return await logEnvelope(options, await options.readEnvelope());
  } finally {
    // Adopted, the file has moved; anything still here was not needed.
    await fs.rm(upload.tempPath, { force: true });
  }
}

async function logEnvelope(options: LogComplaintFromEmailOptions, parsed: EmailEnvelope): Promise<LogComplaintResult> {
  const { deps, actor, upload } = options;
  const messageKey = parsed.messageId ? `message-id:${parsed.messageId.toLowerCase()}` : null;
  const contentKey = `content:${parsed.contentKey}`;
  const primaryKey = messageKey ?? contentKey;

  // The common repeat (same message logged again) answers from a read, without touching the disk.
  const known = await deps.store.findCaseIdByIntakeKey(primaryKey);
  if (known && (await deps.store.findCaseIdByIntakeKey(contentKey)) === known) {
    const found = await existing(deps, known);
    await recordDuplicateRead(deps, actor.id, found.id);
    return { case: found, created: false };
  }

  // Bytes first, flushed to disk: the transaction below only commits references to blobs that exist.
  await deps.blobs.adopt(upload.tempPath, upload.sha256);

  const now = deps.clock.now();
  const receivedAt = receiptInstant(options.receivedAt, parsed, now);
  const emailDocument: NewDocument = {
    name: "message.eml",
    kind: "email",
    contentType: "message/rfc822",
    size: upload.size,
    sha256: upload.sha256,
  };
  const policy = await deps.policy.current();

  const outcome = await deps.store.transaction(async (tx) => {
    const at = now.toISOString();
    const caseId = await tx.findCaseIdByIntakeKey(primaryKey);
    if (caseId) {
      const current = await tx.getCase(caseId);
      if (!current) throw new Error("Intake key points at a missing case");
      if ((await tx.findCaseIdByIntakeKey(contentKey)) === caseId) return { case: current, created: false, jobs: 0 };
      // Same Message-ID, different content: keep this copy too, and flag it for a person to look at.
      const { jobs } = await addDocuments({
        tx,
        caseRecord: current,
        existingNames: await tx.listDocumentNames(caseId),
        documents: [{ ...emailDocument, note: "differs-from-first-copy" }],
        actorId: actor.id,
        at,
        newId: deps.newId,
      });
      const flagged: ComplaintCase = {
        ...current,
        version: current.version + 1,
        flags: [...new Set([...current.flags, "email-arrived-again-with-different-content"])],
      };
      await tx.updateCase(flagged);
      await tx.addIntakeKey(contentKey, caseId);
      await tx.appendTimeline({
        id: deps.newId(),
        caseId,
        at,
        actorId: actor.id,
        kind: "email-copy-differs",
        summary: "The same email (Message-ID) arrived again with different content; the new copy is kept.",
        data: {},
      });
      await enqueueJobs({ tx, caseId, jobs, at, newId: deps.newId });
      return { case: flagged, created: false, jobs: jobs.length };
    }

    const reference = await tx.nextReference(Number(at.slice(0, 4)));
    const created = receiveComplaint({
      id: deps.newId(),
      reference,
      channel: "email",
      subject: parsed.subject?.trim() || "(no subject)",
      // From the body, which the extraction job reads: null until then.
      summary: null,
      complainant: {
        name: parsed.from?.name ?? null,
        email: parsed.from?.address?.toLowerCase() ?? null,
        relationship: options.relationship ?? "unknown",
      },
      source: { messageId: parsed.messageId, conversationId: options.conversationId ?? null },
      receivedAt,
      loggedBy: actor.id,
      loggedAt: now,
      policy,
      calendar: calendarFor(policy),
    });
    await tx.insertCase(created);
    await tx.addIntakeKey(primaryKey, created.id);
    if (messageKey) await tx.addIntakeKey(contentKey, created.id);
    const { records, jobs } = await addDocuments({
      tx,
      caseRecord: created,
      existingNames: [],
      documents: [emailDocument],
      actorId: actor.id,
      at,
      newId: deps.newId,
    });
    const extract = records.map((r) => ({ kind: EXTRACT_EMAIL_PARTS, payload: { documentId: r.id } }));
    await tx.appendTimeline({
      id: deps.newId(),
      caseId: created.id,
      at,
      actorId: actor.id,
      kind: "logged",
      summary: [
        `Logged from an email; response due ${created.responseDueDate}.`,
        options.suggestedCategory ? `Suggested category: ${options.suggestedCategory}.` : "",
        options.note ? `Note from the person who logged it: ${options.note}` : "",
      ]
        .filter(Boolean)
        .join(" "),
      data: {
        channel: "email",
        ...(options.suggestedCategory ? { suggestedCategory: options.suggestedCategory } : {}),
        ...(options.note ? { note: options.note } : {}),
      },
    });
    await enqueueJobs({ tx, caseId: created.id, jobs: [...extract, ...jobs], at, newId: deps.newId });
    return { case: created, created: true, jobs: jobs.length + extract.length };
  });

  if (outcome.jobs > 0) deps.outbox.notify();
  // An email logged already answers with that case (DESIGN.md §4): the caller learns of it, so it is a read.
  if (!outcome.created) await recordDuplicateRead(deps, actor.id, outcome.case.id);
  return { case: outcome.case, created: outcome.created };
}

async function existing(deps: AppDeps, caseId: string): Promise<ComplaintCase> {
  const found = await deps.store.getCase(caseId);
  if (!found) throw new Error("Intake key points at a missing case");
  return found;
}

/** DESIGN.md §4: the add-in's value, else the topmost Received: header (the last hop), else Date:, else now. */
function receiptInstant(given: Date | undefined, parsed: EmailEnvelope, now: Date): Date {
  const candidate = given ?? parsed.topReceivedAt ?? parsed.date ?? now;
  // A clock or header from the future cannot be when we received it.
  return candidate.getTime() > now.getTime() ? now : candidate;
}

const recordDuplicateRead = (deps: AppDeps, actorId: string, caseId: string): Promise<void> =>
  deps.store.recordReads([{ caseId, actorId, at: deps.clock.now().toISOString(), via: "intake-duplicate" }]);
