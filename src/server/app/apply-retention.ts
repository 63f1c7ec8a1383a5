import { ANONYMISED_FLAG, anonymiseCase, ERASED, PROCEDURAL_TIMELINE_KINDS } from "../domain/anonymise.js";
import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import { completeSettings, MIN_RETENTION_YEARS } from "../domain/settings.js";
import type { AppDeps } from "./deps.js";
import { removeCaseFiles, removeUnreferencedBlobs } from "./remove-case-files.js";

/** Who the log names for the scheduled job. */
export const RETENTION_ACTOR = "retention";

export interface RetentionResult {
  cutoff: string;
  action: "delete" | "anonymise";
  deleted: string[];
  anonymised: string[];
}

/**
 * The retention schedule (issue 6.6), run daily: cases closed more than the set number of years ago (default 6,
 * never under 3, whatever is stored) are deleted — the case, its history, its documents in the document store and
 * their bytes — or anonymised, as the settings say. Each is written to the data protection log (reference, day
 * closed, what was done, when), which outlives the case and holds nothing about the person. Running it again
 * finds nothing more to do.
 */
export async function applyRetention({ deps }: { deps: AppDeps }): Promise<RetentionResult> {
  const settings = completeSettings(await deps.policy.current());
  const years = Math.max(MIN_RETENTION_YEARS, settings.retention.years);
  const action = settings.retention.action;
  const now = deps.clock.now();
  const today = londonDateTime(now).date;
  const cutoff = `${String(Number(today.slice(0, 4)) - years).padStart(4, "0")}${today.slice(4)}`;
  const due = await closedBefore(deps, cutoff, today);
  const result: RetentionResult = { cutoff, action, deleted: [], anonymised: [] };
  for (const c of due) {
    if (action === "anonymise" && c.flags.includes(ANONYMISED_FLAG)) continue;
    const closedOn = closedDay(c) ?? cutoff;
    const documents = await deps.store.listDocuments(c.id);
    await removeCaseFiles({ deps, reference: c.reference, documents });
    const at = deps.clock.now().toISOString();
    await deps.store.transaction(async (tx) => {
      if (action === "delete") await tx.deleteCase(c.id);
      else {
        await tx.deleteDocuments(c.id);
        await tx.updateCase(anonymiseCase(c));
        await tx.eraseTimelineText(c.id, PROCEDURAL_TIMELINE_KINDS, ERASED);
        await tx.appendTimeline({
          id: deps.newId(),
          caseId: c.id,
          at,
          actorId: RETENTION_ACTOR,
          kind: "anonymised",
          summary: `Anonymised under the retention schedule (${years} years after closure); documents removed.`,
          data: { documents: documents.length },
        });
      }
      await tx.appendDataProtectionLog({
        id: deps.newId(),
        at,
        actorId: RETENTION_ACTOR,
        action: action === "delete" ? "retention-delete" : "retention-anonymise",
        reference: c.reference,
        closedOn,
        detail: `Closed ${closedOn}; kept ${years} years; ${documents.length} document(s) removed.`,
      });
    });
    await removeUnreferencedBlobs(deps, documents);
    (action === "delete" ? result.deleted : result.anonymised).push(c.reference);
  }
  return result;
}

const closedDay = (c: ComplaintCase): string | null => (c.closure ? londonDateTime(new Date(c.closure.at)).date : null);

/** Closed cases whose closing day is before the cutoff, read a page at a time. */
async function closedBefore(deps: AppDeps, cutoff: string, today: string): Promise<ComplaintCase[]> {
  const found: ComplaintCase[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listCases({
      scope: { all: true },
      stage: "closed",
      today,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.cases) {
      const day = closedDay(c);
      if (day !== null && day < cutoff) found.push(c);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}
