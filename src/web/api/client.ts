/**
 * The front ends' one way to reach the Redress API. It adds the bearer token from the host's AccountManager, turns
 * every failure into an ApiError with a stable `code` (clients branch on the code, never on the text), and retries a
 * 401 once with a fresh token.
 */
import type { AccountManager } from "../auth/account-manager.js";

/** Codes the client adds for failures the server never saw. */
export type ClientErrorCode = "OFFLINE" | "BAD_RESPONSE";

export class ApiError extends Error {
  constructor(
    /** The server's stable error code (see src/contracts/error-codes.ts) or a ClientErrorCode. */
    readonly code: string,
    /** Plain words for the user. */
    readonly userMessage: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(userMessage);
    this.name = "ApiError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A JSON body (serialised here) … */
  json?: unknown;
  /** … or raw bytes with their content type (an .eml, an uploaded document). */
  body?: Blob | ArrayBuffer | Uint8Array;
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Extra headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(
    private readonly accounts: AccountManager,
    private readonly baseUrl = "",
  ) {}

  get<T>(path: string, options: Omit<RequestOptions, "method" | "json" | "body"> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: "GET" });
  }

  post<T>(path: string, json: unknown, options: Omit<RequestOptions, "method" | "json"> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: "POST", json });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options, false);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError("BAD_RESPONSE", "The server's answer could not be read. Please try again.", response.status);
    }
  }

  /** For downloads: the raw response, after the same authentication and error handling. */
  async fetchRaw(path: string, options: RequestOptions = {}): Promise<Response> {
    return this.send(path, options, false);
  }

  private async send(path: string, options: RequestOptions, isRetry: boolean): Promise<Response> {
    const token = await this.accounts.getAccessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "application/octet-stream";
      body = options.body as BodyInit;
    }
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path + queryString(options.query), {
        method: options.method ?? "GET",
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      throw new ApiError("OFFLINE", "Redress could not be reached. Check your connection and try again.", 0);
    }
    if (response.status === 401 && !isRetry) {
      this.accounts.invalidate();
      return this.send(path, options, true);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }
}

function queryString(query: RequestOptions["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code && body.error.message) {
      return new ApiError(body.error.code, body.error.message, response.status, body.error.details);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  const message =
    response.status >= 500
      ? "Redress had a problem on its side. Please try again in a moment."
      : `The request was refused (${response.status}).`;
  return new ApiError(response.status >= 500 ? "INTERNAL" : "BAD_RESPONSE", message, response.status);
}
