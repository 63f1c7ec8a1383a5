import { execFile } from "node:child_process";
import { LogLevel, PublicClientApplication } from "@azure/msal-node";
import type { HttpsTransport } from "../server/adapters/graph/https-transport.js";
import { MsalNetworkClient } from "../server/adapters/graph/msal-network-client.js";

/** What set-up does as the admin: register the app, grant site access, read users and the board channel. */
export const ADMIN_SCOPES = [
  "https://graph.microsoft.com/Application.ReadWrite.All",
  "https://graph.microsoft.com/Sites.FullControl.All",
  "https://graph.microsoft.com/User.Read.All",
  "https://graph.microsoft.com/Channel.ReadBasic.All",
];

export interface SignInOptions {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  transport: HttpsTransport;
  method: "device-code" | "browser";
  /** Shows the device-code message, or the address to open. */
  say: (line: string) => void;
  /** Opens the sign-in page in a browser (browser sign-in); print-only when absent. */
  open?: (url: string) => Promise<void>;
}

/**
 * Signs the administrator in with msal-node as a public client: the device code flow, or — where Conditional Access
 * blocks device code — a browser sign-in to a loopback redirect with PKCE (msal-node makes both). Authority metadata
 * is given up front, as the server does, so no discovery call is made and the emulator can stand in for Entra ID.
 */
export async function signInAdmin(options: SignInOptions): Promise<string> {
  const host = new URL(options.authorityHost);
  const authority = `${host.origin}/${options.tenantId}`;
  const pca = new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority,
      knownAuthorities: [host.host],
      authorityMetadata: JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        issuer: `${authority}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      }),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host.host, preferred_cache: host.host, aliases: [host.host] }],
      }),
    },
    system: {
      networkClient: new MsalNetworkClient(options.transport),
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => {} },
    },
  });
  const result =
    options.method === "device-code"
      ? await pca.acquireTokenByDeviceCode({
          scopes: ADMIN_SCOPES,
          deviceCodeCallback: (r) => options.say(r.message),
        })
      : await pca.acquireTokenInteractive({
          scopes: ADMIN_SCOPES,
          openBrowser: async (url) => {
            options.say(`Sign in as an administrator in your browser. If it does not open, go to:\n  ${url}`);
            await options.open?.(url);
          },
          successTemplate: "Signed in. You can close this window and go back to the set-up.",
          errorTemplate: "Sign-in failed: {error}. Go back to the set-up for details.",
        });
  if (!result?.accessToken) throw new Error("No token was issued for the administrator.");
  options.say(`Signed in as ${result.account?.username ?? "the administrator"}.`);
  return result.accessToken;
}

/** The system's way to open an address, with no shell between (the address is never interpreted). */
export function systemOpener(url: string): Promise<void> {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["rundll32", ["url.dll,FileProtocolHandler", url]]
        : ["xdg-open", [url]];
  return new Promise((resolve) => {
    execFile(command, args as string[], () => resolve());
  });
}
