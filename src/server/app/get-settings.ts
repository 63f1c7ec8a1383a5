import type { Actor } from "../domain/roles.js";
import { DEFAULT_SETTINGS, type SettingsVersion } from "../domain/settings.js";
import type { AppDeps } from "./deps.js";
import { requireAnyRole } from "./require-role.js";

/** How many earlier versions the settings page lists. */
const HISTORY = 50;

/** The version Redress starts with, before any admin has saved: the shipped defaults. */
export const INITIAL_VERSION: SettingsVersion = {
  version: DEFAULT_SETTINGS.version,
  settings: DEFAULT_SETTINGS,
  changedAt: "2026-11-27T00:00:00.000Z",
  changedBy: "redress",
  changes: ["The settings Redress was installed with."],
};

/** The settings in force and their history (admins only). */
export async function getSettings(options: {
  deps: AppDeps;
  actor: Actor;
}): Promise<{ current: SettingsVersion; history: SettingsVersion[] }> {
  requireAnyRole(options.actor, ["Complaints.Admin"], "changing the procedure settings");
  const history = await options.deps.store.listSettingsVersions(HISTORY);
  const current = history[0] ?? INITIAL_VERSION;
  return { current, history: history.length > 0 ? history : [INITIAL_VERSION] };
}
