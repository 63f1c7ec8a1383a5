import https from "node:https";
import type { Readable } from "node:stream";

/**
 * The one HTTP client the Microsoft 365 adapters use: node:https with an optional extra trust anchor. In a tenant
 * the system trust store is used (`ca` unset); the Graph emulator's certificate is made at run time, so tests and
 * development pass it here instead of switching TLS checks off.
 */
export interface HttpsTransportOptions {
  /** PEM certificate(s) to trust besides the system store; only for the emulator. */
  ca?: string;
  /** Gives up on an answer that has not started within this time (a dropped connection looks like this). */
  timeoutMs?: number;
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpsRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** A network failure where the request may or may not have reached the server (connection cut, timeout). */
export class TransportError extends Error {
  constructor(
    message: string,
    /** True when bytes were sent, so the server may have acted on the request. */
    readonly sent: boolean,
  ) {
    super(message);
    // The Graph client keeps only an error's name and message: the name carries whether anything was sent.
    this.name = sent ? "ConnectionLostAfterSending" : "ConnectionFailed";
  }
}

export class HttpsTransport {
  private readonly agent: https.Agent;
  private readonly timeoutMs: number;

  constructor(options: HttpsTransportOptions = {}) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 16, ...(options.ca ? { ca: options.ca } : {}) });
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Sends a request and reads the whole answer. */
  async send(request: HttpsRequest): Promise<HttpsAnswer> {
    const { status, headers, stream } = await this.open(request);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      throw new TransportError(`answer cut short: ${(error as Error).message}`, true);
    }
    return { status, headers, body: Buffer.concat(chunks) };
  }

  /** Sends a request and hands back the answer's body as a stream (downloads). */
  open(request: HttpsRequest): Promise<{ status: number; headers: Record<string, string>; stream: Readable }> {
    return new Promise((resolve, reject) => {
      let sent = false;
      const req = https.request(
        request.url,
        { method: request.method, headers: request.headers, agent: this.agent, timeout: this.timeoutMs },
        (res) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
          }
          res.setTimeout(this.timeoutMs, () => res.destroy(new Error("answer stalled")));
          resolve({ status: res.statusCode ?? 0, headers, stream: res });
        },
      );
      req.on("timeout", () => req.destroy(new Error("no answer in time")));
      req.on("error", (error) => reject(new TransportError(error.message, sent)));
      req.on("finish", () => {
        sent = true;
      });
      req.end(request.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
