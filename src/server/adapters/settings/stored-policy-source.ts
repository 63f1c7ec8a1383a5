import { DEFAULT_SETTINGS, type Settings } from "../../domain/settings.js";
import type { CaseStore } from "../../ports/case-store.js";
import type { PolicySource } from "../../ports/policy-source.js";

/**
 * The newest settings version from the store, kept in memory: every complaint logged reads it, and it changes a
 * few times a year. A save on this instance drops the copy at once; another instance's save is seen within
 * `maxAgeMs` (a complaint logged in that moment gets the version before — as if it had arrived a little earlier).
 */
export class StoredPolicySource implements PolicySource {
  private cached: { settings: Settings; readAt: number } | null = null;

  constructor(
    private readonly store: Pick<CaseStore, "listSettingsVersions">,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<Settings> {
    if (this.cached && this.now() - this.cached.readAt < this.maxAgeMs) return this.cached.settings;
    const [latest] = await this.store.listSettingsVersions(1);
    const settings = latest?.settings ?? DEFAULT_SETTINGS;
    this.cached = { settings, readAt: this.now() };
    return settings;
  }

  changed(): void {
    this.cached = null;
  }
}
