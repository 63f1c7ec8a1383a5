import fs from "node:fs/promises";
import { caseView } from "../domain/access.js";
import { AppError } from "../domain/app-error.js";
import type { ComplaintCase } from "../domain/case.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { ParsedEmail } from "../ports/email-parser.js";
import { addDocuments, enqueueJobs } from "./case-documents.js";
import { notFound } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface AddEmailToCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  /** The raw message, already streamed to a temporary file of the blob store. */
  upload: { tempPath: string; sha256: string; size: number };
  /** The Outlook conversation of the email being added, as the add-in reports it. */
  conversationId?: string;
  /** When Outlook says the email arrived; shown in the case history. */
  receivedAt?: Date;
}

export interface AddEmailToCaseResult {
  case: ComplaintCase;
  /** What the caller may see of the case: staff who logged it see its status only. */
  view: "full" | "status";
  /** False when this email was already on the case: nothing is added twice. */
  added: boolean;
}

/**
 * A later email for an existing complaint (a reply in the same conversation, or another email from the
 * complainant). The .eml is kept byte-exact as a document of kind `email`, each attachment as its own document, and
 * the email's keys are tied to the case so it is never logged as a new complaint afterwards.
 *
 * Who may add: anyone who may see the case, and — as with the lookup (DESIGN.md §1) — anyone holding an email of
 * the case's own conversation, who already knows the case exists. Neither learns more than their view allows.
 */
export async function addEmailToCase(options: AddEmailToCaseOptions): Promise<AddEmailToCaseResult> {
  const { deps, actor, upload } = options;
  if (!hasRole(actor, "Complaints.Log")) {
    await fs.rm(upload.tempPath, { force: true });
    throw new AppError("FORBIDDEN", "Your role does not allow adding emails to complaints.");
  }
  let parsed: ParsedEmail;
  try {
    parsed = await deps.parseEmail({ path: upload.tempPath, tempDir: deps.blobs.tempDir });
  } catch (error) {
    await fs.rm(upload.tempPath, { force: true });
    throw error;
  }
  const tempFiles = [upload.tempPath, ...parsed.attachments.map((a) => a.tempPath)];
  try {
    return await addParsed(options, parsed);
  } finally {
    await Promise.all(tempFiles.map((f) => fs.rm(f, { force: true })));
  }
}

function mayAdd(actor: Actor, c: ComplaintCase, parsed: ParsedEmail, conversationId: string | undefined): boolean {
  if (caseView(actor, c) !== "none") return true;
  if (conversationId && c.source.conversationId === conversationId) return true;
  const original = c.source.messageId?.toLowerCase();
  if (!original) return false;
  return [parsed.inReplyTo, ...parsed.references].some((id) => id?.toLowerCase() === original);
}

async function addParsed(options: AddEmailToCaseOptions, parsed: ParsedEmail): Promise<AddEmailToCaseResult> {
  const { deps, actor, upload, caseId } = options;
  const viewOf = (c: ComplaintCase): "full" | "status" => (caseView(actor, c) === "full" ? "full" : "status");
  const found = await deps.store.getCase(caseId);
  if (!found || !mayAdd(actor, found, parsed, options.conversationId)) throw notFound();

  const messageKey = parsed.messageId ? `message-id:${parsed.messageId.toLowerCase()}` : null;
  const contentKey = `content:${parsed.contentKey}`;
  const keys = messageKey ? [messageKey, contentKey] : [contentKey];

  const owners = await Promise.all(keys.map((k) => deps.store.findCaseIdByIntakeKey(k)));
  const elsewhere = owners.find((owner) => owner !== null && owner !== caseId);
  if (elsewhere) {
    throw new AppError("VALIDATION_FAILED", "This email already belongs to another complaint, so it was not added.");
  }
  if (owners.every((owner) => owner === caseId)) return { case: found, view: viewOf(found), added: false };

  await deps.blobs.adopt(upload.tempPath, upload.sha256);
  for (const a of parsed.attachments) await deps.blobs.adopt(a.tempPath, a.sha256);

  const now = deps.clock.now();
  const at = now.toISOString();
  const day = (options.receivedAt ?? parsed.topReceivedAt ?? parsed.date ?? now).toISOString().slice(0, 10);
  const outcome = await deps.store.transaction(async (tx) => {
    const current = await tx.getCase(caseId);
    if (!current) throw notFound();
    const taken = await Promise.all(keys.map((k) => tx.findCaseIdByIntakeKey(k)));
    // A concurrent retry may have added it meanwhile: then there is nothing to do.
    if (taken.every((owner) => owner === caseId)) return { case: current, added: false, jobs: 0 };
    if (taken.some((owner) => owner !== null && owner !== caseId)) {
      throw new AppError("VALIDATION_FAILED", "This email already belongs to another complaint, so it was not added.");
    }
    const { jobs } = await addDocuments({
      tx,
      caseRecord: current,
      existingNames: await tx.listDocumentNames(caseId),
      documents: [
        {
          name: `email-${day}.eml`,
          kind: "email",
          contentType: "message/rfc822",
          size: upload.size,
          sha256: upload.sha256,
        },
        ...parsed.attachments.map((a) => ({
          name: a.filename,
          kind: "attachment" as const,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
        })),
      ],
      actorId: actor.id,
      at,
      newId: deps.newId,
    });
    for (const [i, key] of keys.entries()) if (taken[i] === null) await tx.addIntakeKey(key, caseId);
    await tx.appendTimeline({
      id: deps.newId(),
      caseId,
      at,
      actorId: actor.id,
      kind: "email-added",
      summary: `A further email was added from Outlook, with ${parsed.attachments.length} attachment(s).`,
      data: { attachments: parsed.attachments.length },
    });
    await enqueueJobs({ tx, caseId, jobs, at, newId: deps.newId });
    return { case: current, added: true, jobs: jobs.length };
  });
  if (outcome.jobs > 0) deps.outbox.notify();
  return { case: outcome.case, view: viewOf(outcome.case), added: outcome.added };
}
