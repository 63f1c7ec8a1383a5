import type { TErrorCode } from "../../contracts/error-codes.js";

/**
 * The one error type of Redress. `userMessage` is shown to people as it is: plain British English, saying what
 * happened and what to try. `details` carries structured facts a client may use (unmet guards, field issues).
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly userMessage: string;
  readonly details: unknown;

  constructor(code: TErrorCode, userMessage: string, details?: unknown) {
    super(`${code}: ${userMessage}`);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.details = details;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
