import type { Client } from "@microsoft/microsoft-graph-client";
import { createGraphClient } from "./graph-client.js";
import { GraphTokenProvider } from "./graph-token-provider.js";
import { HttpsTransport } from "./https-transport.js";

export interface GraphConnectionOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string };
  /** `https://login.microsoftonline.com`, or the emulator. */
  authorityHost: string;
  /** `https://graph.microsoft.com/v1.0`, or the emulator. */
  graphBaseUrl: string;
  /** Extra trusted certificate (the emulator's); never needed in a tenant. */
  ca?: string;
  timeoutMs?: number;
}

export interface GraphConnection {
  transport: HttpsTransport;
  tokens: GraphTokenProvider;
  /** App-only Graph client: files, mail from the shared mailbox, activity feed. */
  appGraph: Client;
  close(): void;
}

/** Builds the process's one token provider and its Graph client. */
export function connectGraph(options: GraphConnectionOptions): GraphConnection {
  const transport = new HttpsTransport({
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const tokens = new GraphTokenProvider({
    tenantId: options.tenantId,
    clientId: options.clientId,
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}),
    authorityHost: options.authorityHost,
    graphResource: "https://graph.microsoft.com/.default",
    transport,
  });
  const appGraph = createGraphClient({ baseUrl: options.graphBaseUrl, token: () => tokens.appOnly(), transport });
  return { transport, tokens, appGraph, close: () => transport.close() };
}
