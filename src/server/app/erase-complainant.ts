import { ANONYMISED_FLAG, anonymiseCase, ERASED, PROCEDURAL_TIMELINE_KINDS } from "../domain/anonymise.js";
import { AppError } from "../domain/app-error.js";
import type { ComplaintCase } from "../domain/case.js";
import type { Actor } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";
import { findPersonCases } from "./find-person-cases.js";
import { removeCaseFiles, removeUnreferencedBlobs } from "./remove-case-files.js";
import { requireAnyRole } from "./require-role.js";

export interface EraseComplainantOptions {
  deps: AppDeps;
  actor: Actor;
  /** The person: by email address (all their cases), or by one case (its complainant, and their other cases). */
  email?: string;
  caseId?: string;
  /** The request being met, for the log (no names). */
  reason: string;
}

/**
 * A data protection erasure request: the complainant's name, address, every free-text field and every document of
 * their cases are removed; the procedural facts stay (reference, dates, stages, results), so the complaints record
 * and its figures remain true. Only closed cases: an open complaint is withdrawn or closed first. Recorded on each
 * case and in the data protection log.
 */
export async function eraseComplainant(options: EraseComplainantOptions): Promise<{ references: string[] }> {
  const { deps, actor } = options;
  requireAnyRole(actor, ["Complaints.Admin"], "erasing a complainant's details");
  let email = options.email ?? null;
  let cases: ComplaintCase[] = [];
  if (options.caseId) {
    const c = await deps.store.getCase(options.caseId);
    if (!c) throw new AppError("NOT_FOUND", "There is no case with this id.");
    email = c.complainant.email;
    cases = email ? await findPersonCases(deps, { email }) : [c];
    if (!cases.some((x) => x.id === c.id)) cases.push(c);
  } else if (email) {
    cases = await findPersonCases(deps, { email });
  }
  cases = cases.filter((c) => !c.flags.includes(ANONYMISED_FLAG));
  if (cases.length === 0)
    throw new AppError("NOT_FOUND", "No case holds details of this person (or they were erased already).");
  const open = cases.filter((c) => c.stage !== "closed");
  if (open.length > 0) {
    throw new AppError(
      "GUARD_NOT_MET",
      `${open.map((c) => c.reference).join(", ")} ${open.length > 1 ? "are" : "is"} still open: withdraw or close ${open.length > 1 ? "them" : "it"} first, then erase.`,
      { guards: open.map((c) => ({ reference: c.reference, guard: "case-closed" })) },
    );
  }
  for (const c of cases) {
    const documents = await deps.store.listDocuments(c.id);
    await removeCaseFiles({ deps, reference: c.reference, documents });
    const at = deps.clock.now().toISOString();
    await deps.store.transaction(async (tx) => {
      const current = await tx.getCase(c.id);
      if (!current) return;
      await tx.deleteDocuments(c.id);
      await tx.updateCase(anonymiseCase(current));
      await tx.eraseTimelineText(c.id, PROCEDURAL_TIMELINE_KINDS, ERASED);
      await tx.appendTimeline({
        id: deps.newId(),
        caseId: c.id,
        at,
        actorId: actor.id,
        kind: "anonymised",
        summary: `The complainant's details were erased on request; ${documents.length} document(s) removed.`,
        data: { documents: documents.length },
      });
      await tx.appendDataProtectionLog({
        id: deps.newId(),
        at,
        actorId: actor.id,
        action: "erasure",
        reference: c.reference,
        closedOn: null,
        detail: `Erased on request (${options.reason}); ${documents.length} document(s) removed.`,
      });
    });
    await removeUnreferencedBlobs(deps, documents);
  }
  return { references: cases.map((c) => c.reference) };
}
