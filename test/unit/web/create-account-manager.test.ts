import { describe, expect, test } from "vitest";
import { DevAccountManager } from "../../../src/web/auth/account-manager.js";
import { createAccountManager, DeferredAccountManager } from "../../../src/web/auth/create-account-manager.js";
import { Microsoft365AccountManager } from "../../../src/web/auth/microsoft365-account-manager.js";

const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, "")}.s`;
const m365 = {
  mode: "microsoft365" as const,
  tenantId: "11111111-1111-4111-8111-111111111111",
  clientId: "22222222-2222-4222-8222-222222222222",
  apiScope: "api://redress.example.org/22222222-2222-4222-8222-222222222222/access_as_user",
  teamsAppId: null,
};

describe("createAccountManager", () => {
  test("embedded mode gives the development personas", async () => {
    const manager = await createAccountManager({ config: { mode: "embedded", devSignIn: true }, persona: "handler" });
    expect(manager).toBeInstanceOf(DevAccountManager);
    expect(manager.currentAccount()).toEqual({ id: "handler" });
  });

  test("Microsoft 365 mode without NAA uses the host's SSO, and caches the token until near its expiry", async () => {
    let calls = 0;
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const manager = await createAccountManager({
      config: m365,
      naaSupported: () => false,
      hostSso: async () => {
        calls += 1;
        return token;
      },
    });
    expect(manager).toBeInstanceOf(Microsoft365AccountManager);
    expect(await manager.getAccessToken()).toBe(token);
    expect(await manager.getAccessToken()).toBe(token);
    expect(calls).toBe(1);
    manager.invalidate();
    await manager.getAccessToken();
    expect(calls).toBe(2);
  });

  test("when the host's SSO fails, the interactive sign-in is the last resort, asked for the API scope only", async () => {
    const asked: string[][] = [];
    const manager = await createAccountManager({
      config: m365,
      naaSupported: () => false,
      hostSso: async () => {
        throw new Error("13003: user type not supported");
      },
      interactive: async (scopes) => {
        asked.push(scopes);
        return jwt(Math.floor(Date.now() / 1000) + 600);
      },
    });
    await manager.getAccessToken();
    expect(asked).toEqual([[m365.apiScope]]);
  });

  test("with nothing to sign in with, it says so", async () => {
    const manager = await createAccountManager({ config: m365, naaSupported: () => false });
    await expect(manager.getAccessToken()).rejects.toThrow(/Could not sign in/);
  });
});

describe("DeferredAccountManager", () => {
  const fixed = (token: string) => ({
    getAccessToken: async () => token,
    currentAccount: () => ({ id: "someone" }),
    invalidate: () => {},
  });

  test("asks which sign-in applies once, then answers from the manager chosen", async () => {
    let asked = 0;
    const manager = new DeferredAccountManager(async () => {
      asked += 1;
      return fixed("t1");
    });
    expect(manager.currentAccount()).toBeNull();
    expect(await Promise.all([manager.getAccessToken(), manager.getAccessToken()])).toEqual(["t1", "t1"]);
    expect(asked).toBe(1);
    expect(manager.currentAccount()).toEqual({ id: "someone" });
  });

  test("when the server could not be asked, the next call asks again instead of failing for ever", async () => {
    let asked = 0;
    const manager = new DeferredAccountManager(async () => {
      asked += 1;
      if (asked === 1) throw new Error("Could not read the sign-in settings (503).");
      return fixed("t2");
    });
    await expect(manager.getAccessToken()).rejects.toThrow(/503/);
    expect(await manager.getAccessToken()).toBe("t2");
  });
});
