import type { PolicySettings } from "../domain/policy.js";

/** The procedure settings in force now (the newest admin settings version); each case keeps its copy. */
export interface PolicySource {
  current(): Promise<PolicySettings>;
  /** Called after an admin saves a new version, so a cached copy is read again. */
  changed?(): void;
}
