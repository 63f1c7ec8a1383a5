import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TErrorBody, TErrorCode } from "../../contracts/error-codes.js";
import { AppError, isAppError } from "../domain/app-error.js";
import { ERROR_STATUS } from "./error-status.js";

/** Fastify's own errors, in our codes and words. */
function fromFastify(error: FastifyError): AppError | null {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("MALFORMED_REQUEST", "The request body is not valid JSON.");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "This content type is not accepted here.");
    default:
      if (error.statusCode === 400) return new AppError("MALFORMED_REQUEST", "The request could not be read.");
      if (error.statusCode === 413) return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
      if (error.statusCode === 415)
        return new AppError("UNSUPPORTED_MEDIA_TYPE", "This content type is not accepted here.");
      return null;
  }
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const body: TErrorBody = { error: { code: error.code, message: error.userMessage } };
  if (error.details !== undefined) body.error.details = error.details;
  return reply.status(ERROR_STATUS[error.code]).type("application/json; charset=utf-8").send(body);
}

/** Every error leaves in one shape; the unknown becomes a plain 500 with no internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = isAppError(error) ? error : fromFastify(error);
    if (known) {
      if (known.code === "PAYLOAD_TOO_LARGE") reply.header("connection", "close");
      return sendError(reply, known);
    }
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, "unexpected error");
    return sendError(
      reply,
      new AppError("INTERNAL", "Something went wrong on our side. Try again; if it keeps happening, tell IT."),
    );
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, new AppError("NOT_FOUND", "There is nothing at this address.")),
  );
}

export const errorCodeOf = (code: TErrorCode): number => ERROR_STATUS[code];
