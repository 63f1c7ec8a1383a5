import { londonDateTime } from "../domain/calendar/plain-date.js";
import { currentDeadline } from "../domain/deadlines.js";
import type { OutboxJob } from "../ports/case-store.js";
import { DeliveryError, OUTCOME_UNKNOWN } from "../ports/delivery-error.js";
import { caseCard, overdueDigestCard } from "./board-cards.js";
import type { BoardEvent } from "./case-effects.js";
import type { DeliveryDeps } from "./delivery-deps.js";
import type { AppDeps } from "./deps.js";

/**
 * Outbox job `post-board-card`: one Adaptive Card in the board channel. A retry first looks for the card's marker
 * in the channel, so nobody reads the same notice twice; when the route cannot tell and the last answer was lost,
 * the job is dead-lettered for a person ("check the channel, then retry") rather than posted blind.
 */
export async function postBoardCard(options: { deps: AppDeps; delivery: DeliveryDeps; job: OutboxJob }): Promise<void> {
  const { deps, delivery, job } = options;
  const event = job.payload.event as BoardEvent;
  const c = job.caseId ? await deps.store.getCase(job.caseId) : null;
  if (job.caseId && !c) return; // the case is gone (erased on request): nothing to tell
  const marker = `${c?.reference ?? "digest"}/${job.id.slice(0, 8)}`;
  if (job.attempts > 0) {
    const posted = await delivery.board.findPosted(marker);
    if (posted === true) return;
    if (posted === null && job.lastError?.includes(OUTCOME_UNKNOWN)) {
      throw new DeliveryError(
        "Board channel: the last post's answer was lost and the channel cannot be searched — check the channel, then retry",
        { permanent: true },
      );
    }
  }
  let card: Record<string, unknown>;
  if (event === "overdue-digest") {
    const today = londonDateTime(deps.clock.now()).date;
    const page = await deps.store.listCases({ scope: { all: true }, overdue: true, today, limit: 200 });
    if (page.cases.length === 0) return; // nothing overdue: no post
    card = overdueDigestCard({
      cases: page.cases.map((x) => ({
        reference: x.reference,
        dueDate: currentDeadline(x) ?? x.responseDueDate,
        url: delivery.caseUrl(x.id),
      })),
      boardUrl: delivery.caseUrl(""),
      marker,
    });
  } else {
    if (!c) return;
    card = caseCard({ event, c, url: delivery.caseUrl(c.id), marker });
  }
  await delivery.board.post({ marker, card });
  if (c) {
    await deps.store.transaction((tx) =>
      tx.appendTimeline({
        id: deps.newId(),
        caseId: c.id,
        at: deps.clock.now().toISOString(),
        actorId: "redress",
        kind: "board-card-posted",
        summary: "Posted to the board channel.",
        data: { event, jobId: job.id },
      }),
    );
  }
}
