/**
 * The token cache and the one-sign-in-at-a-time rule both account managers share (caching-account-manager.ts): the
 * development personas and Microsoft 365 sign-in behave the same way here because they are the same code.
 */
import { describe, expect, test } from "vitest";
import { DevAccountManager } from "../../../src/web/auth/account-manager.js";
import { CachingAccountManager } from "../../../src/web/auth/caching-account-manager.js";
import { Microsoft365AccountManager } from "../../../src/web/auth/microsoft365-account-manager.js";

const jwt = (exp: number, sub = "x") => `h.${btoa(JSON.stringify({ exp, sub })).replace(/=+$/, "")}.s`;
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** A sign-in the test finishes by hand, to see what happens while it is on its way. */
class Manual extends CachingAccountManager {
  started = 0;
  private finish: Array<(token: string) => void> = [];
  protected signIn(): Promise<string> {
    this.started += 1;
    return new Promise((resolve) => this.finish.push(resolve));
  }
  complete(token: string): void {
    this.finish.shift()?.(token);
  }
  currentAccount() {
    return null;
  }
}

describe("CachingAccountManager", () => {
  test("callers at the same moment share one sign-in (one dialog, not three), then the token is cached", async () => {
    const m = new Manual();
    const calls = [m.getAccessToken(), m.getAccessToken(), m.getAccessToken()];
    expect(m.started).toBe(1);
    const token = jwt(inAnHour());
    m.complete(token);
    expect(await Promise.all(calls)).toEqual([token, token, token]);
    expect(await m.getAccessToken()).toBe(token);
    expect(m.started).toBe(1);
  });

  test("a token within a minute of expiry is not used: a new sign-in starts", async () => {
    const m = new Manual();
    const first = m.getAccessToken();
    m.complete(jwt(Math.floor(Date.now() / 1000) + 30));
    await first;
    const second = m.getAccessToken();
    expect(m.started).toBe(2);
    m.complete(jwt(inAnHour()));
    await second;
  });

  test("a sign-in that ends after invalidate() answers its callers but is not kept (it may be the old persona's)", async () => {
    const m = new Manual();
    const old = m.getAccessToken();
    m.invalidate();
    const fresh = m.getAccessToken();
    expect(m.started).toBe(2);
    m.complete(jwt(inAnHour(), "old"));
    m.complete(jwt(inAnHour(), "new"));
    expect(await old).toBe(jwt(inAnHour(), "old"));
    expect(await fresh).toBe(jwt(inAnHour(), "new"));
    expect(await m.getAccessToken()).toBe(jwt(inAnHour(), "new"));
    expect(m.started).toBe(2);
  });

  test("a failed sign-in is not cached: the next call tries again", async () => {
    let attempts = 0;
    const m = new (class extends CachingAccountManager {
      protected async signIn(): Promise<string> {
        attempts += 1;
        if (attempts === 1) throw new Error("dialog closed");
        return jwt(inAnHour());
      }
      currentAccount() {
        return null;
      }
    })();
    await expect(m.getAccessToken()).rejects.toThrow("dialog closed");
    await expect(m.getAccessToken()).resolves.toBeTruthy();
    expect(attempts).toBe(2);
  });

  test("both account managers are built on it", () => {
    expect(new DevAccountManager("staff")).toBeInstanceOf(CachingAccountManager);
    const m365 = new Microsoft365AccountManager({
      clientId: "c",
      tenantId: "t",
      apiScope: "api://x/c/access_as_user",
      naaSupported: () => false,
    });
    expect(m365).toBeInstanceOf(CachingAccountManager);
  });
});
