import { londonDateTime } from "../calendar/plain-date.js";
import type { ComplaintCase } from "../case.js";
import type { Transition, TransitionContext } from "./transition.js";

/** Which final outcome a board-channel card tells the Board of, by the card's event; other cards inform of none. */
export function finalOutcomeOfCard(event: string): "outcome" | "appeal-decision" | null {
  if (event === "outcome-sent") return "outcome";
  if (event === "appeal-decided") return "appeal-decision";
  return null;
}

/**
 * Policy 2.1 "Inform the Board of the final outcome", done by the system: the outcome (or appeal-decision) card has
 * reached the board channel, where the board members read it. Recorded by the system actor with today's date.
 *
 * Returns null when there is nothing to record — the Board already knows of this outcome (a person recorded it, or
 * an earlier delivery of the same card did), or the case holds no such outcome — so a card delivered twice is
 * recorded once.
 */
export function recordBoardInformedByCard(
  c: ComplaintCase,
  of: "outcome" | "appeal-decision",
  ctx: TransitionContext,
): Transition | null {
  const sentAt = of === "outcome" ? c.outcome?.sentAt : c.appealDecision?.sentAt;
  if (!sentAt) return null;
  if (c.boardInformed.some((b) => b.of === of && b.at >= sentAt)) return null;
  const on = londonDateTime(ctx.now).date;
  const what = of === "outcome" ? "outcome" : "appeal decision";
  const next: ComplaintCase = {
    ...c,
    boardInformed: [
      ...c.boardInformed,
      { of, on, note: "The card was posted in the board channel.", at: ctx.now.toISOString(), by: ctx.actorId },
    ],
  };
  return {
    next,
    event: {
      kind: "board-informed",
      summary: `The Board was informed of the ${what} on ${on}: the card was posted in the board channel.`,
      data: { of, on, via: "board-channel" },
    },
  };
}
