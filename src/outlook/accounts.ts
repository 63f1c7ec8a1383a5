/**
 * The pane's AccountManager inside Outlook. Embedded mode signs in as a development persona (the harness has its
 * own picker); the Microsoft 365 work replaces this with Nested App Authentication behind the same interface
 * (src/web/auth/account-manager.ts), and nothing else in the pane changes.
 */
import { type AccountManager, DevAccountManager } from "../web/auth/account-manager.js";

export function accountManagerForOutlook(persona = "staff"): AccountManager {
  return new DevAccountManager(persona);
}
