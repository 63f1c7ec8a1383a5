import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import { AppError } from "../domain/app-error.js";
import type { HttpContext } from "./context.js";

/**
 * The rate limit of the public routes (complaint form, survey): counted per visitor, refused with the one error
 * shape every client knows (429 TOO_MANY_REQUESTS), never as an unexplained 500.
 */
export function publicRateLimit(ctx: HttpContext, whatWasSent: string): RateLimitPluginOptions {
  return {
    global: false,
    keyGenerator: (request) => visitorAddress(request, ctx.config.mode === "microsoft365"),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        "TOO_MANY_REQUESTS",
        `Too many ${whatWasSent} have been sent from your connection. Try again in ${context.after}, or email us instead.`,
      ),
  };
}

/**
 * Whose requests to count. Served directly (embedded mode) that is the connection's address. In Microsoft 365 mode
 * Redress runs behind App Service's front end, which appends the visitor's address to X-Forwarded-For: the last
 * entry is the one it wrote (earlier ones come from the visitor and could be anything), so that one is counted.
 */
function visitorAddress(request: FastifyRequest, behindFrontEnd: boolean): string {
  const forwarded = request.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
  return behindFrontEnd && last ? last : request.ip;
}
