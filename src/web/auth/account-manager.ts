/**
 * One AccountManager per host page: the only place a front end gets an access token for the Redress API. The API
 * client asks it for a token on every call and never keeps one itself; nothing here logs a token.
 *
 * Embedded mode (no tenant): DevAccountManager signs in as one of the fixed personas through /api/dev/token.
 * Microsoft 365 mode: an adapter trying Nested App Authentication first, then the host's SSO, then a dialog
 * (added with the Microsoft 365 work) implements the same interface.
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
export class DevAccountManager implements AccountManager {
  private cached: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private persona: string,
    private readonly baseUrl = "",
  ) {}

  /** Switch persona (the harness's persona picker); the next call signs in afresh. */
  setPersona(persona: string): void {
    this.persona = persona;
    this.invalidate();
  }

  currentAccount(): { id: string } {
    return { id: this.persona };
  }

  invalidate(): void {
    this.cached = null;
    this.pending = null;
  }

  async getAccessToken(): Promise<string> {
    // Refresh a minute early so a token never expires in flight.
    if (this.cached && this.cached.expiresAt - 60_000 > Date.now()) return this.cached.token;
    this.pending ??= this.signIn().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async signIn(): Promise<string> {
    const persona = this.persona;
    const response = await fetch(`${this.baseUrl}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona }),
    });
    if (!response.ok) throw new Error(`Development sign-in as ${persona} failed (${response.status}).`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    if (persona === this.persona) this.cached = { token: accessToken, expiresAt: tokenExpiry(accessToken) };
    return accessToken;
  }
}

/** The `exp` claim of a JWT in milliseconds; a short life when it cannot be read, so we simply ask again sooner. */
function tokenExpiry(jwt: string): number {
  try {
    const payload = JSON.parse(atob(jwt.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? "")) as {
      exp?: number;
    };
    if (typeof payload.exp === "number") return payload.exp * 1000;
  } catch {
    // fall through
  }
  return Date.now() + 5 * 60_000;
}
