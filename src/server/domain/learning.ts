/**
 * Policy aim 6: "gather information which helps us to improve what we do". Every outcome records why the complaint
 * arose (a root cause from a short list, so the dashboard can count them, plus the handler's own words) and what
 * CMS learned from it.
 */
export const ROOT_CAUSES = [
  "process-not-followed",
  "process-unclear-or-missing",
  "communication",
  "staff-conduct-or-training",
  "resources-or-scheduling",
  "third-party-or-employer",
  "awarding-organisation",
  "no-fault-found",
  "other",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** The words the tab, the CSV and the annual report show for each root cause. */
export const ROOT_CAUSE_LABELS: Record<RootCause, string> = {
  "process-not-followed": "Our process was not followed",
  "process-unclear-or-missing": "Our process was unclear or missing",
  communication: "Communication",
  "staff-conduct-or-training": "Staff conduct or training",
  "resources-or-scheduling": "Resources or scheduling",
  "third-party-or-employer": "A third party or employer",
  "awarding-organisation": "The awarding organisation",
  "no-fault-found": "No fault found",
  other: "Other",
};

export interface Learning {
  rootCause: RootCause;
  /** The handler's own words on the cause, when the list is not enough. */
  rootCauseNote: string | null;
  /** What CMS learned; required even when no fault was found ("none: the process worked" is an answer). */
  lessonsLearned: string;
}
