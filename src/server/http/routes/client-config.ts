import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.js";

/**
 * GET /api/client-config — unauthenticated, no secrets: what a front end needs to choose its AccountManager
 * (development personas or Microsoft 365) and to ask Entra ID for a token for this API.
 */
export function registerClientConfigRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/api/client-config", async (_request, reply) => {
    const tenant = ctx.config.tenant;
    const body = tenant
      ? {
          mode: "microsoft365" as const,
          tenantId: tenant.tenantId,
          clientId: tenant.clientId,
          apiScope: `${tenant.audiences[1] ?? `api://${tenant.clientId}`}/access_as_user`,
          teamsAppId: tenant.teamsAppId,
        }
      : { mode: "embedded" as const, devSignIn: ctx.devIdentity !== null };
    return reply.header("cache-control", "no-cache").send(body);
  });
}
