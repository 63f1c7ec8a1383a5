/**
 * Reading a request's body in the emulator. A body read early (before a slow answer's delay, so the request is still
 * acted on after the client gave up; or by the tenant-admin routes looking at it) is kept in PREREAD so whichever
 * handler answers still gets it.
 */
import type { IncomingMessage } from "node:http";

export const PREREAD = new WeakMap<IncomingMessage, Buffer>();

export function readBody(req: IncomingMessage): Promise<Buffer> {
  const preread = PREREAD.get(req);
  if (preread) return Promise.resolve(preread);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  try {
    return raw.length ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Consumes whatever is left of the body, so the connection can be reused. */
export function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.on("end", () => resolve());
    req.on("error", () => resolve());
    req.on("close", () => resolve());
    req.resume();
  });
}
