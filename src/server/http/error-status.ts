import type { TErrorCode } from "../../contracts/error-codes.js";

/** The one table from error code to HTTP status (DESIGN.md §4). */
export const ERROR_STATUS: Record<TErrorCode, number> = {
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_AVAILABLE: 404,
  ILLEGAL_TRANSITION: 409,
  GUARD_NOT_MET: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  CONFLICT_OF_INTEREST: 422,
  NOT_AN_EMAIL: 422,
  INTERNAL: 500,
};
