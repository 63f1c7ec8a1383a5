import { addDays, formatUkLong } from "./calendar/plain-date.js";
import type { PlainDate } from "./calendar/types.js";
import { DEFAULT_CATEGORIES } from "./categories.js";
import {
  DEFAULT_LETTER_TEMPLATES,
  LETTER_BLOCK_RULES,
  LETTER_BLOCKS,
  type LetterTemplates,
} from "./letter-templates.js";
import { DEFAULT_POLICY, type PolicySettings } from "./policy.js";

/** Data protection: a retention period shorter than this is refused (the organisation's minimum, not the law's). */
export const MIN_RETENTION_YEARS = 3;

/** How long before the policy review date admins and directors are reminded. */
export const REVIEW_REMINDER_DAYS = 30;

export interface RetentionSettings {
  /** Years after closure; never under MIN_RETENTION_YEARS. */
  years: number;
  /** Delete the case outright, or keep its procedural facts with the person's details removed. */
  action: "delete" | "anonymise";
}

/**
 * Everything an admin sets, as one immutable version. A case copies the version in force when it was received
 * (its `policy`), so later changes never move its deadlines or reword its letters.
 */
export interface Settings extends PolicySettings {
  categories: readonly string[];
  letterTemplates: Readonly<LetterTemplates>;
  /** Policy "Review": "This policy is reviewed regularly" — the date the next review is due. */
  policyReviewDate: PlainDate;
  retention: RetentionSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_POLICY,
  categories: DEFAULT_CATEGORIES,
  letterTemplates: DEFAULT_LETTER_TEMPLATES,
  // A year after Redress was introduced; the first admin to open the settings sets the organisation's own date.
  policyReviewDate: "2027-11-30",
  retention: { years: 6, action: "delete" },
};

/** A stored version: what was set, by whom, when, and what changed from the version before. */
export interface SettingsVersion {
  version: number;
  settings: Settings;
  changedAt: string;
  changedBy: string;
  changes: string[];
}

/** A settings object read from an older version, completed with today's defaults for what it lacks. */
export function completeSettings(stored: PolicySettings): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    categories: stored.categories ?? DEFAULT_SETTINGS.categories,
    letterTemplates: { ...DEFAULT_LETTER_TEMPLATES, ...stored.letterTemplates },
    policyReviewDate: stored.policyReviewDate ?? DEFAULT_SETTINGS.policyReviewDate,
    retention: stored.retention ?? DEFAULT_SETTINGS.retention,
  };
}

const LABELS: Partial<Record<keyof Settings, string>> = {
  acknowledgeWorkingDays: "Working days to acknowledge",
  responseWorkingDays: "Working days to respond",
  responseClockStartsAt: "Response clock starts at",
  appealWindowWorkingDays: "Appeal window (working days)",
  appealResponseWorkingDays: "Working days to decide an appeal",
  postalDeliveryWorkingDays: "Working days for post to arrive",
  division: "UK division",
  officeOpens: "Office opens",
  officeCloses: "Office closes",
  organisationName: "Organisation name",
  complaintsEmail: "Complaints email",
  policyReviewDate: "Policy review date",
};

/** "What changed", in words for the history: no personal data, just the settings' own values. */
export function describeChanges(before: Settings, after: Settings): string[] {
  const changes: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as Array<[keyof Settings, string]>) {
    if (before[key] !== after[key]) changes.push(`${label}: ${String(before[key])} → ${String(after[key])}`);
  }
  const listChange = (label: string, a: readonly string[], b: readonly string[]) => {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    if (added.length > 0) changes.push(`${label} added: ${added.join(", ")}`);
    if (removed.length > 0) changes.push(`${label} removed: ${removed.join(", ")}`);
  };
  listChange("Closure days", before.closureDays, after.closureDays);
  listChange("Categories", before.categories, after.categories);
  const ao = (s: Settings) => s.awardingOrganisations.map((a) => `${a.name} (${a.complaintsContact})`);
  listChange("Awarding organisations", ao(before), ao(after));
  for (const block of LETTER_BLOCKS) {
    if (before.letterTemplates[block] !== after.letterTemplates[block]) {
      changes.push(`${LETTER_BLOCK_RULES[block].label} reworded`);
    }
  }
  if (before.retention.years !== after.retention.years || before.retention.action !== after.retention.action) {
    changes.push(
      `Retention: ${before.retention.action} after ${before.retention.years} years → ${after.retention.action} after ${after.retention.years} years`,
    );
  }
  return changes;
}

/** Whether admins and directors should be reminded to review the policy today, and what to tell them. */
export function policyReviewReminder(
  settings: Pick<Settings, "policyReviewDate">,
  today: PlainDate,
): { due: boolean; overdue: boolean; reviewDate: PlainDate; message: string } {
  const reviewDate = settings.policyReviewDate;
  const overdue = today > reviewDate;
  const due = today >= addDays(reviewDate, -REVIEW_REMINDER_DAYS);
  const message = overdue
    ? `The complaints policy was due for review on ${formatUkLong(reviewDate)}. Review it, then set the next review date in Settings.`
    : `The complaints policy is due for review by ${formatUkLong(reviewDate)} ("this policy is reviewed regularly"). Review it, then set the next review date in Settings.`;
  return { due, overdue, reviewDate, message };
}
