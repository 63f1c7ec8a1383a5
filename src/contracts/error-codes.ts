/**
 * Stable error codes. Clients branch on these, never on message text. The HTTP status for each lives in one table
 * (src/server/http/error-status.ts).
 */
export const ERROR_CODES = [
  /** The body is not valid JSON, or a parameter cannot be read at all. */
  "MALFORMED_REQUEST",
  /** No bearer token, or one that fails validation. */
  "UNAUTHENTICATED",
  /** The caller's roles may never do this, whatever the case. */
  "FORBIDDEN",
  /** Unknown — or not visible to the caller: existence is never revealed. */
  "NOT_FOUND",
  /** The action is not possible at the case's current stage. */
  "ILLEGAL_TRANSITION",
  /** The stage allows the action but a rule of the procedure is not yet met (details list which). */
  "GUARD_NOT_MET",
  /** Someone else changed the case meanwhile; reload and try again. */
  "VERSION_CONFLICT",
  /** The chosen person has a conflict of interest (the complaint is about them, or they handled it). */
  "CONFLICT_OF_INTEREST",
  /** Fields fail validation (details list each problem). */
  "VALIDATION_FAILED",
  /** The payload is not an email message. */
  "NOT_AN_EMAIL",
  /** The body is larger than allowed. */
  "PAYLOAD_TOO_LARGE",
  /** The Content-Type is not one this endpoint takes. */
  "UNSUPPORTED_MEDIA_TYPE",
  /** The feature is not available in this mode (for example the development sign-in with a tenant configured). */
  "NOT_AVAILABLE",
  /**
   * Redress could not read the email from the person's mailbox through Microsoft Graph (no consent for Mail.Read, no
   * access to the shared mailbox, Graph unavailable): the add-in then sends the message's parts instead.
   */
  "MAILBOX_UNREADABLE",
  /** The public form looked automated (sent too fast, a hidden field filled, an old or forged form): send it again. */
  "FORM_NOT_ACCEPTED",
  /** Too many requests from one address in a while (the public form); wait, then try again. */
  "TOO_MANY_REQUESTS",
  /** Anything unexpected; the message never carries internals. */
  "INTERNAL",
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

export interface TErrorBody {
  error: { code: TErrorCode; message: string; details?: unknown };
}
