/** The kinds of activity-feed notice, declared as activity types in the Teams app manifest. */
export type ActivityKind = "caseAssigned" | "caseDueSoon";

export interface ActivityNotice {
  marker: string;
  /** The person (Redress user id: tenant id + object id in Microsoft 365). */
  userId: string;
  kind: ActivityKind;
  /** One line, ≤ 150 characters, no personal data of the complainant beyond the reference. */
  previewText: string;
  /** Where a click goes: the case in the Teams tab. */
  caseUrl: string;
  reference: string;
}

/** A notice in one person's Teams activity feed (app-only, TeamsActivity.Send). */
export interface ActivityNotifier {
  notify(notice: ActivityNotice): Promise<void>;
}
