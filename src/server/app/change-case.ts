import { caseView, mayEverTake, mayTakeOnCase } from "../domain/access.js";
import { AppError } from "../domain/app-error.js";
import type { ComplaintCase } from "../domain/case.js";
import type { CaseAction, Transition, TransitionContext } from "../domain/procedure/transition.js";
import type { Actor } from "../domain/roles.js";
import type { CaseStoreTransaction, OutboxJob } from "../ports/case-store.js";
import { calendarFor } from "./case-calendar.js";
import { enqueueJobs } from "./case-documents.js";
import { caseEffects } from "./case-effects.js";
import type { AppDeps } from "./deps.js";

export interface ChangeCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  action: CaseAction;
  /** The procedure step: pure, may throw AppError. */
  apply: (c: ComplaintCase, ctx: TransitionContext) => Transition;
  /** Further writes in the same transaction (documents, outbox jobs). */
  alsoWrite?: (tx: CaseStoreTransaction, next: ComplaintCase) => Promise<Array<Pick<OutboxJob, "kind" | "payload">>>;
}

/** 403 before anything is loaded when the caller's roles can never take this action. */
export function assertMayEverTake(actor: Actor, action: CaseAction): void {
  if (!mayEverTake(actor, action)) {
    throw new AppError("FORBIDDEN", "Your role does not allow this action on complaints.");
  }
}

/**
 * The shape of every change to a case: authorise, apply the procedure, then in one transaction write the case, its
 * timeline entry and any outbox jobs. Either all of it commits or none of it does.
 */
export async function changeCase(options: ChangeCaseOptions): Promise<ComplaintCase> {
  const { deps, actor, action } = options;
  assertMayEverTake(actor, action);
  const result = await deps.store.transaction(async (tx) => {
    const current = await tx.getCase(options.caseId);
    if (!current || caseView(actor, current) === "none") throw notFound();
    if (!mayTakeOnCase(actor, action, current)) {
      throw new AppError("FORBIDDEN", "Only the person this case is assigned to may do this.");
    }
    const now = deps.clock.now();
    const { next, event } = options.apply(current, {
      now,
      actorId: actor.id,
      calendar: calendarFor(current.policy),
      newId: deps.newId,
    });
    const saved: ComplaintCase = { ...next, version: current.version + 1 };
    await tx.updateCase(saved);
    await tx.appendTimeline({
      id: deps.newId(),
      caseId: saved.id,
      at: now.toISOString(),
      actorId: actor.id,
      kind: event.kind,
      summary: event.summary,
      data: event.data ?? {},
    });
    const written = (await options.alsoWrite?.(tx, saved)) ?? [];
    const jobs = [...written, ...caseEffects(action, saved, written)];
    await enqueueJobs({ tx, caseId: saved.id, jobs, at: now.toISOString(), newId: deps.newId });
    return { saved, hasJobs: jobs.length > 0 };
  });
  if (result.hasJobs) deps.outbox.notify();
  return result.saved;
}

export const notFound = (): AppError =>
  new AppError("NOT_FOUND", "There is no such case, or you do not have access to it.");
