import { AppError } from "../domain/app-error.js";
import type { Actor } from "../domain/roles.js";
import { describeChanges, type Settings, type SettingsVersion } from "../domain/settings.js";
import type { AppDeps } from "./deps.js";
import { INITIAL_VERSION } from "./get-settings.js";
import { requireAnyRole } from "./require-role.js";

export interface SaveSettingsOptions {
  deps: AppDeps;
  actor: Actor;
  /** The version the admin edited: when someone saved since, the save is refused rather than overwriting them. */
  basedOnVersion: number;
  /** Already validated at the edge (contracts/settings.ts). */
  settings: Omit<Settings, "version">;
}

/**
 * Saves the settings as a new, immutable version. Cases already received keep the version they were received
 * under; complaints received from now on get this one. Saving what is already in force adds nothing.
 */
export async function saveSettings({
  deps,
  actor,
  basedOnVersion,
  settings,
}: SaveSettingsOptions): Promise<{ version: SettingsVersion; saved: boolean }> {
  requireAnyRole(actor, ["Complaints.Admin"], "changing the procedure settings");
  const [stored] = await deps.store.listSettingsVersions(1);
  const current = stored ?? INITIAL_VERSION;
  if (basedOnVersion !== current.version) {
    throw new AppError(
      "VERSION_CONFLICT",
      `The settings were changed (now version ${current.version}) after you opened them. Reload them, then make your change again.`,
    );
  }
  const next: Settings = { ...settings, version: current.version + 1 };
  const changes = describeChanges(current.settings, next);
  if (changes.length === 0) return { version: current, saved: false };
  const version: SettingsVersion = {
    version: next.version,
    settings: next,
    changedAt: deps.clock.now().toISOString(),
    changedBy: actor.id,
    changes,
  };
  await deps.store.transaction(async (tx) => {
    // The shipped defaults become version 1 of the history the first time anyone saves.
    if (!stored) await tx.insertSettingsVersion(INITIAL_VERSION);
    await tx.insertSettingsVersion(version);
  });
  deps.policy.changed?.();
  return { version, saved: true };
}
