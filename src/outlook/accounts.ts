/**
 * The pane's AccountManager inside Outlook. The server decides the mode (GET /api/client-config): embedded mode
 * signs in as a development persona; Microsoft 365 mode tries Nested App Authentication, then Office SSO
 * (`Office.auth.getAccessToken`), then an Office dialog with Redress's own sign-in page, behind the same interface
 * (src/web/auth/account-manager.ts).
 */
import type { AccountManager } from "../web/auth/account-manager.js";
import { createAccountManager, DeferredAccountManager } from "../web/auth/create-account-manager.js";

/**
 * Only called once Office.js has loaded (see office-host.ts). Usable at once: the server is asked which sign-in
 * applies on the first token request, so the pane shows the email without waiting for that answer.
 */
export function accountManagerForOutlook(persona = "staff"): AccountManager {
  return new DeferredAccountManager(() =>
    createAccountManager({
      persona,
      naaSupported: () => Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
      hostSso: () => Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true }),
      // Loaded only when needed: the dialog is the last resort, and the pane's first paint stays small.
      interactive: async () => {
        const { officeDialogSignIn } = await import("../web/auth/office-dialog-sign-in.js");
        return officeDialogSignIn(Office, { dialogUrl: new URL("/auth-dialog.html", window.location.origin).href });
      },
    }),
  );
}
