import { type AccountManager, DevAccountManager } from "./account-manager.js";
import { fetchClientConfig, type TClientConfig } from "./client-config.js";
import type { HostSso, InteractiveSignIn } from "./microsoft365-account-manager.js";

export interface CreateAccountManagerOptions {
  baseUrl?: string;
  /** Embedded mode: the persona to sign in as (the harness's persona picker). */
  persona?: string;
  /** What the host offers (see Microsoft365AccountManagerOptions). */
  naaSupported?: () => boolean;
  hostSso?: HostSso;
  interactive?: InteractiveSignIn;
  /** Tests pass the config instead of fetching it. */
  config?: TClientConfig;
}

/**
 * The one place a front end gets its AccountManager: development personas when the server runs embedded,
 * Microsoft 365 sign-in (NAA → host SSO → dialog) when it is connected to a tenant. The server decides, through
 * GET /api/client-config.
 */
export async function createAccountManager(options: CreateAccountManagerOptions = {}): Promise<AccountManager> {
  const config = options.config ?? (await fetchClientConfig(options.baseUrl));
  if (config.mode === "embedded") {
    if (!config.devSignIn) throw new Error("This server has no sign-in configured.");
    return new DevAccountManager(options.persona ?? "staff", options.baseUrl ?? "");
  }
  // MSAL.js is large and embedded mode never needs it: it loads only here, after the page has painted.
  const { Microsoft365AccountManager } = await import("./microsoft365-account-manager.js");
  return new Microsoft365AccountManager({
    clientId: config.clientId,
    tenantId: config.tenantId,
    apiScope: config.apiScope,
    naaSupported: options.naaSupported ?? (() => false),
    ...(options.hostSso ? { hostSso: options.hostSso } : {}),
    ...(options.interactive ? { interactive: options.interactive } : {}),
  });
}

/**
 * An AccountManager usable at once, before the server has said which sign-in applies: the first token request asks
 * (createAccountManager) and every later call goes to the manager it chose.
 */
export class DeferredAccountManager implements AccountManager {
  private inner: Promise<AccountManager> | null = null;
  private resolved: AccountManager | null = null;

  constructor(private readonly create: () => Promise<AccountManager>) {}

  getAccessToken(): Promise<string> {
    this.inner ??= this.create().then(
      (manager) => {
        this.resolved = manager;
        return manager;
      },
      (error: unknown) => {
        this.inner = null; // ask again next time (the server may have been unreachable)
        throw error;
      },
    );
    return this.inner.then((manager) => manager.getAccessToken());
  }

  currentAccount(): { id: string; name?: string } | null {
    return this.resolved?.currentAccount() ?? null;
  }

  invalidate(): void {
    this.resolved?.invalidate();
  }
}
