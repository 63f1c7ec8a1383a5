/**
 * How an adapter tells the outbox worker what a failure means. Anything else thrown counts as transient.
 * Messages carry status codes and Graph error codes only — never tokens or personal data.
 */
/** Stored in a job's `lastError` when a send's result is unknown: the next attempt must look for its marker first. */
export const OUTCOME_UNKNOWN = "(outcome unknown)";

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: {
      /** Retrying cannot help (400, 403, 404 …): the job is dead-lettered at once for a person to look at. */
      permanent: boolean;
      /** The service asked us to wait this long (Retry-After on 429/503/504). */
      retryAfterMs?: number | null;
      /** The request may have been acted on (answer lost): check for a marker before sending again. */
      outcomeUnknown?: boolean;
    },
  ) {
    super(message);
    this.name = "DeliveryError";
  }

  get permanent(): boolean {
    return this.options.permanent;
  }

  get retryAfterMs(): number | null {
    return this.options.retryAfterMs ?? null;
  }

  get outcomeUnknown(): boolean {
    return this.options.outcomeUnknown ?? false;
  }
}
