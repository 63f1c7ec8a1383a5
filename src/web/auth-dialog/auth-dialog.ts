/// <reference types="office-js" />
/**
 * /auth-dialog.html: the page the Office dialog opens when Nested App Authentication and Office SSO have both
 * failed (src/web/auth/office-dialog-sign-in.ts). It signs in with MSAL.js by redirect — pop-ups inside a dialog are
 * unreliable — and hands the Redress API access token to the task pane with `Office.context.ui.messageParent`.
 * Only an access token for the Redress API is requested; nothing is logged. MSAL loads here and only here.
 */

import { fetchClientConfig } from "../auth/client-config.js";
import type { DialogSignInMessage } from "../auth/office-dialog-sign-in.js";

const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function say(text: string): void {
  const root = document.getElementById("root");
  if (root) root.textContent = text;
}

function loadOffice(): Promise<typeof Office | null> {
  const global = globalThis as { Office?: typeof Office };
  if (global.Office) return Promise.resolve(global.Office);
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = OFFICE_JS_URL;
    script.onload = () => resolve(global.Office ?? null);
    script.onerror = () => resolve(null);
    document.head.appendChild(script);
  });
}

async function tell(message: DialogSignInMessage): Promise<void> {
  const office = await loadOffice();
  if (!office) {
    say("Sign-in finished, but this window was not opened by Outlook. You can close it.");
    return;
  }
  await office.onReady();
  office.context.ui.messageParent(JSON.stringify(message));
}

async function signIn(): Promise<void> {
  say("Signing you in to Redress…");
  const config = await fetchClientConfig();
  if (config.mode !== "microsoft365") {
    await tell({ type: "redress-sign-in", status: "error", reason: "not-microsoft365" });
    return;
  }
  const { PublicClientApplication, InteractionRequiredAuthError } = await import("@azure/msal-browser");
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      // Registered as a SPA redirect URI beside brk-multihub://<host> (README: app registration).
      redirectUri: `${window.location.origin}/auth-dialog.html`,
    },
    cache: { cacheLocation: "sessionStorage" },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  });
  await msal.initialize();
  const scopes = [config.apiScope];
  const returned = await msal.handleRedirectPromise();
  if (returned?.accessToken) {
    await tell({ type: "redress-sign-in", status: "ok", accessToken: returned.accessToken });
    return;
  }
  const account = msal.getAllAccounts()[0];
  if (account) {
    try {
      const silent = await msal.acquireTokenSilent({ scopes, account });
      await tell({ type: "redress-sign-in", status: "ok", accessToken: silent.accessToken });
      return;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
    }
  }
  await msal.acquireTokenRedirect({ scopes, ...(account ? { account } : {}) });
}

signIn().catch(async (error: unknown) => {
  say("Signing in did not work. Close this window and try again.");
  await tell({
    type: "redress-sign-in",
    status: "error",
    reason: error instanceof Error ? error.name : "unknown",
  }).catch(() => {});
});
