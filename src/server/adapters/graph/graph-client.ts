import { AuthenticationHandler, Client } from "@microsoft/microsoft-graph-client";
import { GraphHttpHandler } from "./graph-http-handler.js";
import type { HttpsTransport } from "./https-transport.js";

/**
 * A Graph client (microsoft-graph-client 3) for one base URL. `customHosts` names the emulator's host when the base
 * URL is not graph.microsoft.com: the client adds `Authorization` only for hosts it knows.
 */
export function createGraphClient(options: {
  baseUrl: string;
  token: () => Promise<string>;
  transport: HttpsTransport;
}): Client {
  const url = new URL(options.baseUrl);
  const auth = new AuthenticationHandler({ getAccessToken: options.token });
  auth.setNext(new GraphHttpHandler(options.transport));
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${url.origin}/`,
    defaultVersion: url.pathname.replace(/^\/|\/$/g, "") || "v1.0",
    customHosts: new Set([url.hostname]),
  });
}
