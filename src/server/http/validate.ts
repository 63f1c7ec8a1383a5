import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "../domain/app-error.js";

/** Checks a value against a zod schema; every problem is listed in `details.issues` (422). */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  throw new AppError("VALIDATION_FAILED", `Some fields are not right. ${where}${first?.message ?? ""}`.trim(), {
    issues,
  });
}

/** A JSON body: absent means `{}` (actions without fields); anything not JSON is refused with 415. */
export function jsonBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.infer<S> {
  const type = request.headers["content-type"];
  if (request.body === undefined || request.body === null) return validate(schema, {});
  if (!type?.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send this as JSON (Content-Type: application/json).");
  }
  if (typeof request.body !== "object" || Array.isArray(request.body)) {
    throw new AppError("VALIDATION_FAILED", "The body must be a JSON object.");
  }
  return validate(schema, request.body);
}
