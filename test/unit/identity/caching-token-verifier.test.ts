import { describe, expect, it } from "vitest";
import { CachingTokenVerifier } from "../../../src/server/adapters/identity/caching-token-verifier.js";
import { AppError } from "../../../src/server/domain/app-error.js";
import type { Actor } from "../../../src/server/domain/roles.js";
import type { TokenVerifier } from "../../../src/server/ports/token-verifier.js";

const jwt = (claims: Record<string, unknown>, tag = "sig") =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${tag}`;
const ACTOR: Actor = { id: "staff", name: "Priya Shah", roles: ["Complaints.Log"] };

/** Accepts tokens whose signature part is "sig"; counts its calls. */
class CountingVerifier implements TokenVerifier {
  calls = 0;
  async verify(token: string): Promise<Actor> {
    this.calls += 1;
    if (!token.endsWith(".sig")) throw new AppError("UNAUTHENTICATED", "bad");
    return ACTOR;
  }
}

describe("CachingTokenVerifier", () => {
  it("checks a token once and answers it from memory until it expires, then checks again", async () => {
    let now = 1_000_000_000_000;
    const inner = new CountingVerifier();
    const verifier = new CachingTokenVerifier(inner, { now: () => now });
    const token = jwt({ exp: now / 1000 + 60 });
    expect(await verifier.verify(token)).toEqual(ACTOR);
    expect(await verifier.verify(token)).toEqual(ACTOR);
    expect(inner.calls).toBe(1);
    now += 60_000; // exp reached
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it("never caches a refusal, and a changed token string is a different token", async () => {
    const inner = new CountingVerifier();
    const verifier = new CachingTokenVerifier(inner);
    const good = jwt({ exp: Date.now() / 1000 + 600 });
    await verifier.verify(good);
    const forged = `${good.slice(0, -3)}bad`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(inner.calls).toBe(3);
  });

  it("does not cache a token without a readable exp", async () => {
    const inner = new CountingVerifier();
    const verifier = new CachingTokenVerifier(inner);
    const token = jwt({ sub: "x" });
    await verifier.verify(token);
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it("holds at most maxEntries tokens, dropping the oldest, and hands out an actor no caller can change", async () => {
    const inner = new CountingVerifier();
    const verifier = new CachingTokenVerifier(inner, { maxEntries: 2 });
    const exp = Date.now() / 1000 + 600;
    const [a, b, c] = [jwt({ exp, n: 1 }), jwt({ exp, n: 2 }), jwt({ exp, n: 3 })];
    await verifier.verify(a);
    await verifier.verify(b);
    await verifier.verify(c);
    expect(inner.calls).toBe(3);
    await verifier.verify(c);
    expect(inner.calls).toBe(3);
    await verifier.verify(a); // dropped
    expect(inner.calls).toBe(4);
    const actor = await verifier.verify(a);
    expect(Object.isFrozen(actor) && Object.isFrozen(actor.roles)).toBe(true);
  });
});
