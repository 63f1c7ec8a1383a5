import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { HttpsTransport } from "./https-transport.js";

/**
 * The last link of the Graph client's middleware chain: sends the request over our HttpsTransport instead of the
 * global fetch, so the emulator's run-time certificate can be trusted without turning TLS checks off. The Graph
 * client's own RetryHandler is left out on purpose: the outbox owns retries (with Retry-After and dead-lettering).
 */
export class GraphHttpHandler implements Middleware {
  constructor(private readonly transport: HttpsTransport) {}

  async execute(context: Context): Promise<void> {
    const request = context.request;
    const url = typeof request === "string" ? request : request.url;
    const options = context.options ?? {};
    const headers: Record<string, string> = {};
    new Headers(options.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, name) => {
      headers[name] = value;
    });
    const body = await bodyBytes(options.body);
    const answer = await this.transport.send({
      method: options.method ?? "GET",
      url,
      headers,
      ...(body ? { body } : {}),
    });
    const noBody = answer.status === 204 || answer.status === 304 || answer.body.length === 0;
    context.response = new Response(noBody ? null : new Uint8Array(answer.body), {
      status: answer.status,
      headers: answer.headers,
    });
  }
}

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  throw new Error("Unsupported Graph request body");
}
