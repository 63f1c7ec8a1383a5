import { AppError } from "../app-error.js";
import type { ComplaintCase, RedirectReason, Relationship } from "../case.js";
import { clean, fieldError, requireStage, type Transition, type TransitionContext } from "./transition.js";

export interface TriageInput {
  category: string;
  nature: string;
  serious: boolean;
  handlerId: string;
  aboutPersonIds: string[];
  loggerNamedInComplaint: boolean;
  interestConfirmed: boolean;
  relationship?: Relationship;
  awardingOrganisation?: string | null;
  notes?: string | null;
}

/** Policy 1.2: the Operations Director decides the course of action: nature, seriousness, the appropriate person. */
export function triageCase(c: ComplaintCase, input: TriageInput, ctx: TransitionContext): Transition {
  requireStage(c, "triage");
  if (!input.interestConfirmed) {
    throw fieldError(
      "interestConfirmed",
      "Confirm that the complainant has a legitimate interest in CMS, or redirect the case as not a complaint.",
    );
  }
  if (input.aboutPersonIds.includes(input.handlerId)) {
    throw new AppError(
      "CONFLICT_OF_INTEREST",
      "The complaint is about the person chosen to handle it. Choose someone else.",
      { field: "handlerId" },
    );
  }
  if (input.loggerNamedInComplaint && input.handlerId === c.loggedBy) {
    throw new AppError(
      "CONFLICT_OF_INTEREST",
      "The person who logged this complaint is named in it, so they cannot handle it. Choose someone else.",
      { field: "handlerId" },
    );
  }
  const at = ctx.now.toISOString();
  const next: ComplaintCase = {
    ...c,
    stage: "triaged",
    complainant: { ...c.complainant, relationship: input.relationship ?? c.complainant.relationship },
    triage: {
      category: input.category.trim(),
      nature: input.nature.trim(),
      serious: input.serious,
      handlerId: input.handlerId,
      aboutPersonIds: [...new Set(input.aboutPersonIds)],
      loggerNamedInComplaint: input.loggerNamedInComplaint,
      interestConfirmed: true,
      awardingOrganisation: clean(input.awardingOrganisation),
      notes: clean(input.notes),
      at,
      by: ctx.actorId,
    },
  };
  return {
    next,
    event: {
      kind: "triaged",
      summary: `Triaged as ${input.serious ? "a serious " : ""}${input.category} complaint and assigned to a handler.`,
      data: { category: input.category, serious: input.serious, handlerId: input.handlerId },
    },
  };
}

export interface RedirectInput {
  redirectAs: RedirectReason;
  reason: string;
}

/**
 * Not a complaint, or a staff grievance (which the policy sends to the Discipline and Grievance policy): the case
 * closes with the reason and skips the closing guards.
 */
export function redirectCase(c: ComplaintCase, input: RedirectInput, ctx: TransitionContext): Transition {
  requireStage(c, "redirect");
  const reason = clean(input.reason);
  if (!reason) throw fieldError("reason", "Say why this is being redirected.");
  const next: ComplaintCase = {
    ...c,
    stage: "closed",
    closure: { kind: "redirected", redirectedAs: input.redirectAs, reason, at: ctx.now.toISOString(), by: ctx.actorId },
  };
  const as =
    input.redirectAs === "staff-grievance" ? "a staff grievance (Discipline and Grievance policy)" : "not a complaint";
  return {
    next,
    event: { kind: "redirected", summary: `Redirected as ${as}.`, data: { redirectAs: input.redirectAs } },
  };
}
