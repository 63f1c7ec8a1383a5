import Fastify, { type FastifyInstance } from "fastify";
import type { HttpContext } from "./context.js";
import { registerErrorHandling } from "./error-handler.js";
import { loggerOptions, registerRequestIds, requestIdOptions } from "./request-logging.js";
import { collectRoutes, registerRouteInventoryRoute } from "./route-inventory.js";
import { registerAddinIconRoutes } from "./routes/addin-icons.js";
import { registerAuditRoutes } from "./routes/audit.js";
import { registerBoardRoute } from "./routes/board.js";
import { registerCaseRoutes } from "./routes/cases.js";
import { registerClientConfigRoute } from "./routes/client-config.js";
import { registerDataProtectionRoutes } from "./routes/data-protection.js";
import { registerDeliveryRoutes } from "./routes/deliveries.js";
import { registerDevOutboxRoute } from "./routes/dev-outbox.js";
import { registerDevTokenRoute } from "./routes/dev-token.js";
import { registerDocumentRoutes } from "./routes/documents.js";
import { registerGovernanceRoutes } from "./routes/governance.js";
import { registerHealthRoute } from "./routes/health.js";
import { registerIntakeRoutes } from "./routes/intake.js";
import { registerOpenApiRoute } from "./routes/openapi.js";
import { registerOutlookRoutes } from "./routes/outlook.js";
import { registerPublicComplaintRoutes } from "./routes/public-complaints.js";
import { registerPublicSurveyRoutes } from "./routes/public-survey.js";
import { registerReadyRoute } from "./routes/ready.js";
import { registerSettingsRoutes } from "./routes/settings.js";
import { registerTabSupportRoutes } from "./routes/tab-support.js";
import { registerTransitionRoutes } from "./routes/transitions.js";
import { registerWebRoutes } from "./web-routes.js";

const JSON_BODY_LIMIT = 1024 * 1024;

/** The HTTP server: routes only translate between HTTP and use cases. */
export async function buildServer(ctx: HttpContext, options: { webRoot: string }): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON logs with a request id on every line and no personal data (request-logging.ts).
    logger: loggerOptions(ctx.config.logLevel),
    ...requestIdOptions,
    bodyLimit: JSON_BODY_LIMIT,
    requestTimeout: 0,
    // Large messages arrive slowly on poor connections; the intake streams them to disk meanwhile.
    connectionTimeout: 0,
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  const routes = collectRoutes(app);
  // Emails and documents are passed on as streams; each route decides what it accepts (415 otherwise).
  app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
  registerErrorHandling(app);
  registerRequestIds(app);
  registerHealthRoute(app, ctx);
  registerReadyRoute(app, ctx);
  registerOpenApiRoute(app);
  registerDevTokenRoute(app, ctx);
  registerClientConfigRoute(app, ctx);
  registerDevOutboxRoute(app, ctx);
  registerDeliveryRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerTabSupportRoutes(app, ctx);
  registerBoardRoute(app, ctx);
  registerCaseRoutes(app, ctx);
  registerTransitionRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerOutlookRoutes(app, ctx);
  registerAddinIconRoutes(app);
  registerSettingsRoutes(app, ctx);
  registerDataProtectionRoutes(app, ctx);
  registerPublicComplaintRoutes(app, ctx);
  registerGovernanceRoutes(app, ctx);
  registerPublicSurveyRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  await registerWebRoutes(app, { webRoot: options.webRoot });
  registerRouteInventoryRoute(app, ctx, routes);
  return app;
}
