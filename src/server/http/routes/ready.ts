import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.js";

/**
 * GET /readyz — can this instance do its work: the database answers, the outbox is moving, Graph answers (Microsoft
 * 365 mode). 200 when ready, 503 when not, with each check's result either way. Counts and timings only.
 */
export function registerReadyRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/readyz", async (_request, reply) => {
    if (!ctx.readiness) return reply.status(503).send({ status: "not-ready", checks: [] });
    const readiness = await ctx.readiness();
    return reply
      .status(readiness.ready ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: readiness.ready ? "ready" : "not-ready", mode: ctx.config.mode, checks: readiness.checks });
  });
}
