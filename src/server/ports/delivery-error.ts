/**
 * How an adapter tells the outbox worker what a failure means. Anything else thrown counts as transient.
 * Messages carry status codes and Graph error codes only — never tokens or personal data.
 */
/** Stored in a job's `lastError` when a send's result is unknown: the next attempt must look for its marker first. */
export const OUTCOME_UNKNOWN = "(outcome unknown)";

/** Statuses with which Graph (and the Workflows webhook) tell a caller to back off, with Retry-After. */
export const THROTTLING_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

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
      /** The HTTP status the service answered; absent when no answer came (connection failed or lost). */
      status?: number | null;
      /** Graph's own error code (`error.code`, e.g. `ErrorAccessDenied`) when the answer carried one. */
      graphCode?: string | null;
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

  get status(): number | null {
    return this.options.status ?? null;
  }

  get graphCode(): string | null {
    return this.options.graphCode ?? null;
  }

  /**
   * The service itself said "not now" (429, 503, 504 with Retry-After): every delivery of the same kind should wait,
   * not only this one. A Retry-After we chose ourselves (e.g. letting Sent Items settle) is not such an answer.
   */
  get throttled(): boolean {
    return this.retryAfterMs !== null && THROTTLING_STATUSES.has(this.status ?? 0);
  }
}
