import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.js";

/** GET /healthz — up, which mode, and how much waits in the outbox. No personal data. */
export function registerHealthRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/healthz", async () => ({
    status: "ok",
    mode: ctx.config.mode,
    outboxBacklog: await ctx.outboxBacklog(),
  }));
}
