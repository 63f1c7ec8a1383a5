import type { PolicySettings } from "../domain/policy.js";

/** The procedure settings in force now. Admin-edited settings arrive with the governance work; each case keeps its copy. */
export interface PolicySource {
  current(): Promise<PolicySettings>;
}
