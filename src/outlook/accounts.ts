/**
 * The pane's AccountManager. Embedded mode signs in as a development persona (the harness picks which); the
 * Microsoft 365 work replaces this with Nested App Authentication behind the same interface (src/web/auth).
 */
import { type AccountManager, DevAccountManager } from "../web/auth/account-manager.js";

export function accountManagerForOutlook(persona = "staff"): AccountManager & { setPersona?(p: string): void } {
  return new DevAccountManager(persona);
}
