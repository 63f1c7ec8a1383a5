import { ConfidentialClientApplication, type Configuration, LogLevel } from "@azure/msal-node";
import type { HttpsTransport } from "./https-transport.js";
import { MsalNetworkClient } from "./msal-network-client.js";

export interface GraphTokenProviderOptions {
  tenantId: string;
  clientId: string;
  /** One of the two: a client secret, or a certificate (preferred in production). Both only from the environment. */
  clientSecret?: string;
  clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string };
  /** `https://login.microsoftonline.com` in a tenant; the emulator's address in tests. */
  authorityHost: string;
  /** The scope that reaches Graph app-only, `https://graph.microsoft.com/.default` in a tenant. */
  graphResource: string;
  transport: HttpsTransport;
}

/**
 * One msal-node ConfidentialClientApplication per process (its cache holds the tokens: a new client per request
 * would throw them away). App-only tokens for unattended work (files, mail, activity feed); on-behalf-of tokens for
 * actions a signed-in person triggers. Authority metadata is given up front, so MSAL makes no discovery call — that
 * is also what lets it talk to the emulator. MSAL's logging is off for personal data.
 */
export class GraphTokenProvider {
  private readonly client: ConfidentialClientApplication;

  constructor(private readonly options: GraphTokenProviderOptions) {
    const host = new URL(options.authorityHost);
    const authority = `${host.origin}/${options.tenantId}`;
    const config: Configuration = {
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
        ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
        ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}),
      },
      system: {
        networkClient: new MsalNetworkClient(options.transport),
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => {} },
      },
    };
    this.client = new ConfidentialClientApplication(config);
  }

  /** App-only (client credentials) token for Graph; served from MSAL's cache until close to expiry. */
  async appOnly(): Promise<string> {
    const result = await this.client.acquireTokenByClientCredential({ scopes: [this.options.graphResource] });
    if (!result?.accessToken) throw new Error("No app-only Graph token was issued");
    return result.accessToken;
  }

  /** On-behalf-of token: the signed-in person's Redress API token exchanged for a Graph token with `scopes`. */
  async onBehalfOf(userAssertion: string, scopes: string[]): Promise<string> {
    const result = await this.client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes });
    if (!result?.accessToken) throw new Error("No on-behalf-of Graph token was issued");
    return result.accessToken;
  }
}
