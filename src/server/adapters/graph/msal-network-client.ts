import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import type { HttpsTransport } from "./https-transport.js";

/**
 * msal-node's `system.networkClient`: token requests go over our HttpsTransport, so the emulator's token endpoint
 * (self-signed, loopback) is reachable without disabling TLS checks. Bodies are never logged: they hold secrets.
 */
export class MsalNetworkClient implements INetworkModule {
  constructor(private readonly transport: HttpsTransport) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.call<T>("GET", url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.call<T>("POST", url, options);
  }

  private async call<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const answer = await this.transport.send({
      method,
      url,
      headers: options?.headers ?? {},
      ...(options?.body !== undefined ? { body: options.body } : {}),
    });
    let body: unknown = {};
    try {
      body = answer.body.length ? JSON.parse(answer.body.toString("utf8")) : {};
    } catch {
      body = {};
    }
    return { status: answer.status, headers: answer.headers, body: body as T };
  }
}
