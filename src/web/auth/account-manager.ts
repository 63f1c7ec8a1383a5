import { CachingAccountManager } from "./caching-account-manager.js";

/**
 * One AccountManager per host page: the only place a front end gets an access token for the Redress API. The API
 * client asks it for a token on every call and never keeps one itself; nothing here logs a token.
 *
 * Embedded mode (no tenant): DevAccountManager signs in as one of the fixed personas through /api/dev/token.
 * Microsoft 365 mode: an adapter trying Nested App Authentication first, then the host's SSO, then a dialog
 * implements the same interface. Both share their token cache and single sign-in in flight (caching-account-manager.ts).
 */
export interface AccountManager {
  /** A bearer token for the Redress API, refreshed as needed. Rejects when the user must sign in again. */
  getAccessToken(): Promise<string>;
  /** Who is signed in, for display ("Signed in as …"); null before sign-in. */
  currentAccount(): { id: string; name?: string } | null;
  /** Forget the cached token, e.g. after the API answered 401. */
  invalidate(): void;
}

/** Development sign-in as a fixed persona (embedded mode only; the server refuses it when a tenant is configured). */
export class DevAccountManager extends CachingAccountManager {
  constructor(
    private persona: string,
    private readonly baseUrl = "",
  ) {
    super();
  }

  /** Switch persona (the harness's persona picker); the next call signs in afresh. */
  setPersona(persona: string): void {
    this.persona = persona;
    this.invalidate();
  }

  currentAccount(): { id: string } {
    return { id: this.persona };
  }

  protected async signIn(): Promise<string> {
    const persona = this.persona;
    const response = await fetch(`${this.baseUrl}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona }),
    });
    if (!response.ok) throw new Error(`Development sign-in as ${persona} failed (${response.status}).`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    return accessToken;
  }
}
