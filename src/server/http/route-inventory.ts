/**
 * Every route the server has, as registered (collected by an `onRoute` hook, so routes added in plugins count
 * too). The need-to-know test (test/security/need-to-know.test.ts) reads it from the running server and fails for
 * any route that its matrix does not classify: a new route cannot slip past the access checks unexamined.
 */
import type { FastifyInstance } from "fastify";
import type { HttpContext } from "./context.js";

export interface RouteEntry {
  method: string;
  url: string;
}

/** Starts collecting; call before any route is registered. Fastify's automatic HEAD twins of GET are left out. */
export function collectRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url });
    }
  });
  return routes;
}

/** GET /api/dev/routes — embedded mode outside production only (like the development sign-in): the inventory. */
export function registerRouteInventoryRoute(app: FastifyInstance, ctx: HttpContext, routes: RouteEntry[]): void {
  if (!ctx.devIdentity) return;
  app.get("/api/dev/routes", async () => ({
    routes: [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method)),
  }));
}
