import { GraphError } from "@microsoft/microsoft-graph-client";
import { DeliveryError, THROTTLING_STATUSES } from "../../ports/delivery-error.js";
import { TransportError } from "./https-transport.js";

/** Statuses worth retrying (Graph's throttling guidance): timeouts, throttling, server errors. */
const TRANSIENT = new Set([408, 409, 423, 429, 500, 502, 503, 504]);

/** Seconds (Graph sends seconds, sometimes fractional) or an HTTP date, as milliseconds from now. */
export function retryAfterMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

/** Turns what the Graph client or the transport threw into a DeliveryError the outbox understands. */
export function toDeliveryError(
  error: unknown,
  what: string,
  options: { conflictIsPermanent?: boolean } = {},
): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof TransportError) {
    return new DeliveryError(`${what}: connection ${error.sent ? "lost after sending" : "failed"}`, {
      permanent: false,
      outcomeUnknown: error.sent,
    });
  }
  if (error instanceof GraphError) {
    if (error.statusCode === -1 || error.statusCode === 0) {
      const sent = error.code === "ConnectionLostAfterSending";
      return new DeliveryError(`${what}: connection ${sent ? "lost after sending" : "failed"}`, {
        permanent: false,
        outcomeUnknown: sent,
      });
    }
    return fromStatus(error.statusCode, error.code, error.headers?.get("retry-after"), what, options);
  }
  return new DeliveryError(`${what}: ${error instanceof Error ? error.name : "unknown error"}`, { permanent: false });
}

export function fromStatus(
  status: number,
  code: string | null | undefined,
  retryAfter: string | null | undefined,
  what: string,
  options: { conflictIsPermanent?: boolean } = {},
): DeliveryError {
  const permanent = !TRANSIENT.has(status) || (status === 409 && options.conflictIsPermanent === true);
  return new DeliveryError(`${what}: Graph answered ${status}${code ? ` ${code}` : ""}`, {
    permanent,
    retryAfterMs: THROTTLING_STATUSES.has(status) ? retryAfterMs(retryAfter) : null,
    status,
    graphCode: code ?? null,
  });
}
