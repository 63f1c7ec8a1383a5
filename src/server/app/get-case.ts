import { type CaseView, caseView } from "../domain/access.js";
import type { ComplaintCase } from "../domain/case.js";
import type { Actor } from "../domain/roles.js";
import { orderTimeline } from "../domain/timeline.js";
import type { DocumentRecord, TimelineEntry } from "../ports/case-store.js";
import { notFound } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface GetCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
}

export interface CaseDetail {
  view: Exclude<CaseView, "none">;
  case: ComplaintCase;
  documents: DocumentRecord[];
  timeline: TimelineEntry[];
}

/** One case as this person may see it. Every read is authorised for this case and recorded in its audit trail. */
export async function getCase({ deps, actor, caseId }: GetCaseOptions): Promise<CaseDetail> {
  const found = await deps.store.getCase(caseId);
  const view = found ? caseView(actor, found) : "none";
  if (!found || view === "none") throw notFound();
  await deps.store.recordReads([{ caseId, actorId: actor.id, at: deps.clock.now().toISOString(), via: "case" }]);
  if (view === "status") return { view, case: found, documents: [], timeline: [] };
  const [documents, timeline] = await Promise.all([deps.store.listDocuments(caseId), deps.store.listTimeline(caseId)]);
  return { view, case: found, documents, timeline: orderTimeline(timeline) };
}
