import fs from "node:fs/promises";
import { AppError } from "../domain/app-error.js";
import type { ComplaintCase } from "../domain/case.js";
import type { ParsedEmail } from "../ports/email-parser.js";
import { addDocuments, enqueueJobs } from "./case-documents.js";
import type { AppDeps } from "./deps.js";

/** Outbox job kind: extract the attachments and the summary of an email logged by intake. */
export const EXTRACT_EMAIL_PARTS = "extract-email-parts";

/** Flag for a person: the .eml is kept, but its parts could not be read out of it. */
export const PARTS_NOT_EXTRACTED = "email-parts-not-extracted";

const SUMMARY_LENGTH = 600;

/**
 * Outbox job `extract-email-parts`: parses a stored .eml (the byte-exact source of truth) and adds each attachment
 * as its own document of the case, with the body's summary. Runs after intake has answered, so a large message
 * costs its sender no parsing time.
 *
 * Exactly once: the documents, their filing jobs, the case update and the completion of this job commit in one
 * transaction, so a crash before it leaves nothing (only blobs no document refers to, removed at start) and the
 * job runs again; after it, the job is done and never runs again. A message whose parts cannot be read (the
 * message's fault, not the machine's) is flagged on its case instead of retried for ever.
 */
export async function extractEmailParts(options: {
  deps: AppDeps;
  jobId: string;
  documentId: string;
}): Promise<"completed" | undefined> {
  const { deps, jobId } = options;
  const email = await deps.store.getDocument(options.documentId);
  if (!email) return; // nothing to read: the job outlived its document
  let parsed: ParsedEmail | null = null;
  let problem: string | null = null;
  try {
    parsed = await deps.parseEmail({ path: deps.blobs.localPath(email.sha256), tempDir: deps.blobs.tempDir });
  } catch (error) {
    // Disk full, blob missing: the machine's problem, so the outbox retries later.
    if (!(error instanceof AppError)) throw error;
    problem = error.userMessage;
  }
  const attachments = parsed?.attachments ?? [];
  try {
    // Bytes first, flushed: the transaction below only refers to blobs that exist.
    await Promise.all(attachments.map((a) => deps.blobs.adopt(a.tempPath, a.sha256)));
    const at = deps.clock.now().toISOString();
    const queued = await deps.store.transaction(async (tx) => {
      const current = await tx.getCase(email.caseId);
      if (!current) {
        await tx.completeJob(jobId, at);
        return 0;
      }
      const { jobs } = await addDocuments({
        tx,
        caseRecord: current,
        existingNames: await tx.listDocumentNames(current.id),
        documents: attachments.map((a) => ({
          name: a.filename,
          kind: "attachment" as const,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
        })),
        actorId: email.createdBy,
        at,
        newId: deps.newId,
      });
      const next: ComplaintCase = {
        ...current,
        version: current.version + 1,
        summary: current.summary ?? summarise(parsed?.text ?? null),
        flags: problem ? [...new Set([...current.flags, PARTS_NOT_EXTRACTED])] : current.flags,
      };
      await tx.updateCase(next);
      await tx.appendTimeline({
        id: deps.newId(),
        caseId: current.id,
        at,
        actorId: email.createdBy,
        kind: problem ? PARTS_NOT_EXTRACTED : "email-parts-extracted",
        summary: problem
          ? `The attachments of ${email.name} could not be read out of it: ${problem} The email itself is kept as received.`
          : `${attachments.length} attachment(s) of ${email.name} kept as documents.`,
        data: { documentId: email.id, attachments: attachments.length },
      });
      await enqueueJobs({ tx, caseId: current.id, jobs, at, newId: deps.newId });
      await tx.completeJob(jobId, at);
      return jobs.length;
    });
    if (queued > 0) deps.outbox.notify();
    return "completed";
  } finally {
    // Adopted files have moved; anything still here was not needed.
    await Promise.all(attachments.map((a) => fs.rm(a.tempPath, { force: true })));
  }
}

function summarise(text: string | null): string | null {
  const flat = text?.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH - 1)}…` : flat;
}
