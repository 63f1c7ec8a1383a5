import {
  type AccountInfo,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { CachingAccountManager } from "./caching-account-manager.js";

/**
 * The host's own single sign-on, when it has one: `Office.auth.getAccessToken` in Outlook, Teams
 * `authentication.getAuthToken` in Teams. Supplied by the host page (src/outlook, src/teams), so this module loads
 * neither Office.js nor teams-js.
 */
export type HostSso = () => Promise<string>;

/** Last resort: an interactive sign-in the host can show (an Office dialog, or MSAL's popup). */
export type InteractiveSignIn = (scopes: string[]) => Promise<string>;

export interface Microsoft365AccountManagerOptions {
  clientId: string;
  tenantId: string;
  /** The Redress API's delegated scope, e.g. api://redress.example.org/<client id>/access_as_user. */
  apiScope: string;
  /** Whether the host offers Nested App Authentication (Office: requirement set NestedAppAuth 1.1; Teams:
   * `nestedAppAuth.isNAAChannelRecommended()`). */
  naaSupported: () => boolean;
  hostSso?: HostSso;
  interactive?: InteractiveSignIn;
}

/**
 * Sign-in inside Outlook or Teams, in the order Microsoft recommends: Nested App Authentication (MSAL.js
 * `createNestablePublicClientApplication`) first, then the host's SSO token, then an interactive dialog. Only an
 * access token for the Redress API is ever requested (never an ID token sent to the server); it is never logged.
 */
export class Microsoft365AccountManager extends CachingAccountManager {
  private msal: Promise<IPublicClientApplication> | null = null;
  private account: AccountInfo | null = null;

  constructor(private readonly options: Microsoft365AccountManagerOptions) {
    super();
  }

  currentAccount(): { id: string; name?: string } | null {
    if (!this.account) return null;
    return {
      id: `${this.account.tenantId}:${this.account.localAccountId}`,
      ...(this.account.name ? { name: this.account.name } : {}),
    };
  }

  protected async signIn(): Promise<string> {
    const scopes = [this.options.apiScope];
    const failures: string[] = [];
    if (this.options.naaSupported()) {
      try {
        return await this.viaNaa(scopes);
      } catch (error) {
        failures.push(`NAA: ${describe(error)}`);
      }
    }
    if (this.options.hostSso) {
      try {
        return await this.options.hostSso();
      } catch (error) {
        failures.push(`host SSO: ${describe(error)}`);
      }
    }
    if (this.options.interactive) return this.options.interactive(scopes);
    throw new Error(`Could not sign in to Redress (${failures.join("; ") || "no sign-in method available"}).`);
  }

  private async viaNaa(scopes: string[]): Promise<string> {
    this.msal ??= createNestablePublicClientApplication({
      auth: {
        clientId: this.options.clientId,
        authority: `https://login.microsoftonline.com/${this.options.tenantId}`,
      },
      system: { loggerOptions: { piiLoggingEnabled: false } },
    });
    const msal = await this.msal;
    const account = this.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
    try {
      const result = account ? await msal.acquireTokenSilent({ scopes, account }) : await msal.ssoSilent({ scopes });
      this.account = result.account;
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      const result = await msal.acquireTokenPopup({ scopes });
      this.account = result.account;
      return result.accessToken;
    }
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.name === "Error" ? error.message.slice(0, 120) : error.name) : "failed";
