import type { AccountManager } from "./account-manager.js";

/** A token is refreshed this long before it expires, so it never expires in flight. */
const REFRESH_EARLY_MS = 60_000;

/**
 * What every AccountManager does the same way, whatever signs it in: keep the token until near its expiry, let
 * concurrent callers share one sign-in rather than start several (several dialogs, several NAA prompts), and forget
 * both on `invalidate()`. A sign-in that finishes after an `invalidate()` (a persona switched, a 401 seen) answers its
 * own callers but is not kept: it may belong to who was signed in before.
 */
export abstract class CachingAccountManager implements AccountManager {
  private cached: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  /** Bumped by invalidate(): a sign-in started in an older generation is not cached. */
  private generation = 0;

  /** Gets a fresh token for the API; called only when none is cached and none is on its way. */
  protected abstract signIn(): Promise<string>;

  abstract currentAccount(): { id: string; name?: string } | null;

  invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.pending = null;
  }

  getAccessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - REFRESH_EARLY_MS > Date.now()) return Promise.resolve(this.cached.token);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const pending = this.signIn().then(
      (token) => {
        if (generation === this.generation) {
          this.cached = { token, expiresAt: tokenExpiry(token) };
          this.pending = null;
        }
        return token;
      },
      (error: unknown) => {
        if (generation === this.generation) this.pending = null;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }
}

/** The `exp` claim of a JWT in milliseconds; a short life when it cannot be read, so we simply ask again sooner. */
export function tokenExpiry(jwt: string): number {
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
