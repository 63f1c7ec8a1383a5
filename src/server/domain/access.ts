import type { ComplaintCase } from "./case.js";
import { ALLOWED_STAGES, CASE_ACTIONS, type CaseAction } from "./procedure/transition.js";
import { type Actor, hasRole, type Role } from "./roles.js";

/**
 * Need to know (policy: "telling only those who need to know"). What a person may see of a case:
 * - `full`: directors and the Operations Director see every case; a handler sees the cases assigned to them; a board
 *   member sees the appeals assigned to them.
 * - `status`: staff see the reference and stage of cases they logged, nothing of the content.
 * - `none`: the case does not exist for them (the API answers 404).
 */
export type CaseView = "full" | "status" | "none";

export function caseView(actor: Actor, c: Pick<ComplaintCase, "loggedBy" | "triage" | "appeal">): CaseView {
  return viewOf(actor, {
    loggedBy: c.loggedBy,
    handlerId: c.triage?.handlerId ?? null,
    boardMemberId: c.appeal?.boardMemberId ?? null,
  });
}

/** The same rule from the three people it depends on (a board card has just these, not the whole case). */
export function viewOf(
  actor: Actor,
  c: { loggedBy: string; handlerId: string | null; boardMemberId: string | null },
): CaseView {
  if (hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Triage")) return "full";
  if (hasRole(actor, "Complaints.Handle") && c.handlerId === actor.id) return "full";
  if (hasRole(actor, "Complaints.Board") && c.boardMemberId === actor.id) return "full";
  if (c.loggedBy === actor.id) return "status";
  return "none";
}

/** The steps this person may take on this case now: their role and assignment allow it, and so does the stage. */
export function availableActions(actor: Actor, c: ComplaintCase): CaseAction[] {
  return CASE_ACTIONS.filter((a) => ALLOWED_STAGES[a].includes(c.stage) && mayTakeOnCase(actor, a, c));
}

/** Who may take each action at all. A caller with none of these roles gets 403 whatever the case. */
const ACTION_ROLES: Record<CaseAction, readonly Role[]> = {
  triage: ["Complaints.Triage"],
  redirect: ["Complaints.Triage"],
  acknowledge: ["Complaints.Handle"],
  "add-action": ["Complaints.Handle", "Complaints.Triage"],
  "complete-action": ["Complaints.Handle", "Complaints.Triage", "Complaints.Direct"],
  "add-document": ["Complaints.Handle", "Complaints.Triage", "Complaints.Direct", "Complaints.Board"],
  outcome: ["Complaints.Handle"],
  "directors-consulted": ["Complaints.Direct", "Complaints.Triage"],
  "board-informed": ["Complaints.Triage", "Complaints.Direct"],
  meeting: ["Complaints.Triage", "Complaints.Direct"],
  appeal: ["Complaints.Triage", "Complaints.Direct"],
  "appeal-decision": ["Complaints.Board"],
  signpost: ["Complaints.Handle", "Complaints.Triage", "Complaints.Direct", "Complaints.Board"],
  withdraw: ["Complaints.Triage", "Complaints.Handle"],
  close: ["Complaints.Triage", "Complaints.Direct"],
};

export const mayEverTake = (actor: Actor, action: CaseAction): boolean =>
  ACTION_ROLES[action].some((role) => hasRole(actor, role));

/**
 * Whether this person may take the action on this case. Roles with oversight (Triage, Direct) act on any case; a
 * handler only on the cases assigned to them; a board member only on the appeal assigned to them (DESIGN.md §1).
 */
export function mayTakeOnCase(actor: Actor, action: CaseAction, c: ComplaintCase): boolean {
  return ACTION_ROLES[action].some((role) => {
    if (!hasRole(actor, role)) return false;
    switch (role) {
      case "Complaints.Triage":
      case "Complaints.Direct":
        return true;
      case "Complaints.Handle":
        return c.triage?.handlerId === actor.id;
      case "Complaints.Board":
        return c.appeal?.boardMemberId === actor.id;
      default:
        return false;
    }
  });
}
