import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import { currentDeadline } from "../domain/deadlines.js";
import { finalOutcomeOfCard, recordBoardInformedByCard } from "../domain/procedure/board-card-posted.js";
import type { OutboxJob } from "../ports/case-store.js";
import { DeliveryError, OUTCOME_UNKNOWN } from "../ports/delivery-error.js";
import { caseCard, overdueDigestCard } from "./board-cards.js";
import { calendarFor } from "./case-calendar.js";
import type { BoardEvent } from "./case-effects.js";
import type { DeliveryDeps } from "./delivery-deps.js";
import type { AppDeps } from "./deps.js";

/** The actor id of what Redress does by itself (deliveries), as on the other outbox entries of the timeline. */
const SYSTEM_ACTOR = "redress";

/**
 * Outbox job `post-board-card`: one Adaptive Card in the board channel. A retry first looks for the card's marker
 * in the channel, so nobody reads the same notice twice; when the route cannot tell and the last answer was lost,
 * the job is dead-lettered for a person ("check the channel, then retry") rather than posted blind.
 *
 * The outcome and appeal-decision cards are how the Board is informed of the final outcome (policy 2.1): once such
 * a card is in the channel the case records "Board informed" by the system, in the same transaction that completes
 * the job — so it is recorded exactly once, however often the delivery was tried.
 */
export async function postBoardCard(options: {
  deps: AppDeps;
  delivery: DeliveryDeps;
  job: OutboxJob;
}): Promise<"completed" | undefined> {
  const { deps, delivery, job } = options;
  const event = job.payload.event as BoardEvent;
  const c = job.caseId ? await deps.store.getCase(job.caseId) : null;
  if (job.caseId && !c) return; // the case is gone (erased on request): nothing to tell
  const marker = `${c?.reference ?? "digest"}/${job.id.slice(0, 8)}`;
  let alreadyPosted = false;
  if (job.attempts > 0) {
    const posted = await delivery.board.findPosted(marker);
    alreadyPosted = posted === true;
    if (posted === null && job.lastError?.includes(OUTCOME_UNKNOWN)) {
      throw new DeliveryError(
        "Board channel: the last post's answer was lost and the channel cannot be searched — check the channel, then retry",
        { permanent: true },
      );
    }
  }
  if (!alreadyPosted) {
    const card = await buildCard({ deps, delivery, event, c, marker });
    if (!card) return; // nothing overdue: no post
    await delivery.board.post({ marker, card });
  }
  if (!c) return;
  await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    await tx.appendTimeline({
      id: deps.newId(),
      caseId: c.id,
      at: now.toISOString(),
      actorId: SYSTEM_ACTOR,
      kind: "board-card-posted",
      summary: "Posted to the board channel.",
      data: { event, jobId: job.id },
    });
    const of = delivery.postedCardInformsBoard ? finalOutcomeOfCard(event) : null;
    const current = of ? await tx.getCase(c.id) : null;
    const informed =
      of && current
        ? recordBoardInformedByCard(current, of, {
            now,
            actorId: SYSTEM_ACTOR,
            calendar: calendarFor(current.policy),
            newId: deps.newId,
          })
        : null;
    if (current && informed) {
      await tx.updateCase({ ...informed.next, version: current.version + 1 });
      await tx.appendTimeline({
        id: deps.newId(),
        caseId: c.id,
        at: now.toISOString(),
        actorId: SYSTEM_ACTOR,
        kind: informed.event.kind,
        summary: informed.event.summary,
        data: { ...informed.event.data, jobId: job.id },
      });
    }
    await tx.completeJob(job.id, now.toISOString());
  });
  return "completed";
}

async function buildCard(options: {
  deps: AppDeps;
  delivery: DeliveryDeps;
  event: BoardEvent;
  c: ComplaintCase | null;
  marker: string;
}): Promise<Record<string, unknown> | null> {
  const { deps, delivery, event, c, marker } = options;
  if (event === "overdue-digest") {
    const today = londonDateTime(deps.clock.now()).date;
    const page = await deps.store.listCases({ scope: { all: true }, overdue: true, today, limit: 200 });
    if (page.cases.length === 0) return null;
    return overdueDigestCard({
      cases: page.cases.map((x) => ({
        reference: x.reference,
        dueDate: currentDeadline(x) ?? x.responseDueDate,
        url: delivery.caseUrl(x.id),
      })),
      boardUrl: delivery.caseUrl(""),
      marker,
    });
  }
  return c ? caseCard({ event, c, url: delivery.caseUrl(c.id), marker }) : null;
}
