/** What the settings and data protection routes answer (the Teams tab reads these). */
import type { Settings } from "../server/domain/settings.js";

/** The settings as the form edits them (the version number travels beside them). */
export type SettingsView = Omit<Settings, "version">;

export interface SettingsVersionView {
  version: number;
  changedAt: string;
  changedBy: { id: string; name: string };
  changes: string[];
}

/** GET /api/admin/settings, PUT /api/admin/settings */
export interface AdminSettingsView {
  current: SettingsVersionView & { settings: SettingsView };
  history: SettingsVersionView[];
  /** PUT only: false when nothing differed from the version in force (no new version). */
  saved?: boolean;
}

/** GET /api/settings/policy-review */
export interface PolicyReviewView {
  reminder: { due: boolean; overdue: boolean; reviewDate: string; message: string } | null;
}

/** GET /api/data-protection/log */
export interface DataProtectionLogView {
  entries: Array<{
    at: string;
    by: string;
    action: string;
    reference: string | null;
    closedOn: string | null;
    detail: string;
  }>;
}
