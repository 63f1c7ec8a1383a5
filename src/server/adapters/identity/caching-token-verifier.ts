import type { Actor } from "../../domain/roles.js";
import type { TokenVerifier } from "../../ports/token-verifier.js";

/** Enough for every person of the organisation to hold a few tokens; past it the oldest entries go first. */
const DEFAULT_MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  /** Milliseconds since the epoch at which the token expires (its `exp`). */
  expiresAt: number;
}

/**
 * Remembers tokens another verifier has accepted, until they expire: a signature check (ES256, RS256) costs far
 * more than the rest of a small request, and a client sends the same token many times. Only the token string
 * itself can hit the cache, so nothing is accepted that the inner verifier did not accept, and an entry never
 * outlives its token's `exp`. Tokens are held in memory only, never written or logged. Refusals are not cached.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly options: { now?: () => number; maxEntries?: number } = {},
  ) {}

  async verify(token: string): Promise<Actor> {
    const now = this.options.now?.() ?? Date.now();
    const hit = this.entries.get(token);
    if (hit) {
      if (hit.expiresAt > now) return hit.actor;
      this.entries.delete(token);
    }
    const actor = await this.inner.verify(token);
    const expiresAt = expiryOf(token);
    // A token without a readable exp is verified every time rather than trusted for a guessed period.
    if (expiresAt !== null && expiresAt > now) this.remember(token, { actor, expiresAt });
    return actor;
  }

  private remember(token: string, entry: Entry): void {
    const max = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.entries.size >= max) {
      // Map keeps insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    // Frozen: the same object answers many requests, so none may change it for the others.
    const actor = Object.freeze({ ...entry.actor, roles: Object.freeze([...entry.actor.roles]) });
    this.entries.set(token, { actor, expiresAt: entry.expiresAt });
  }
}

/** The `exp` claim of a JWT the inner verifier has already accepted, in milliseconds; null when absent. */
function expiryOf(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
    return typeof claims.exp === "number" && Number.isFinite(claims.exp) ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
