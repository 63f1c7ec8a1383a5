import type { FastifyInstance } from "fastify";
import { ZDevTokenRequest } from "../../../contracts/api.js";
import { AppError } from "../../domain/app-error.js";
import type { HttpContext } from "../context.js";
import { jsonBody } from "../validate.js";

/** POST /api/dev/token — embedded mode only: a signed token for one of the fixed personas. */
export function registerDevTokenRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.post("/api/dev/token", async (request, reply) => {
    if (!ctx.devIdentity) {
      throw new AppError(
        "NOT_AVAILABLE",
        "Development sign-in is switched off: this server is connected to Microsoft 365 or in production.",
      );
    }
    const { persona } = jsonBody(request, ZDevTokenRequest);
    return reply.header("cache-control", "no-store").send({ accessToken: await ctx.devIdentity.issue(persona) });
  });
}
