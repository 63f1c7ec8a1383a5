import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import type { LoggerOptions } from "pino";

/**
 * Logging that cannot leak personal data by accident: requests are logged by method, route pattern and status only
 * (never the URL, whose query may hold a name), fields that carry people's details are censored by name wherever
 * they sit, and anything that looks like an email address is masked in every string — including error messages and
 * stacks, which may quote the data that made them fail. Tokens and cookies are censored the same way.
 */
const PERSONAL_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "accessToken",
  "access_token",
  "token",
  "password",
  "secret",
  "clientSecret",
  "email",
  "mail",
  "name",
  "displayName",
  "userPrincipalName",
  "complainant",
  "complainantName",
  "complainantEmail",
  "subject",
  "from",
  "to",
  "cc",
  "replyTo",
  "body",
  "text",
  "html",
  "summary",
  "description",
  "address",
  "phone",
];

/** Each field at the top level and up to three levels down (pino's redaction paths, wildcards per level). */
export const REDACT_PATHS = PERSONAL_FIELDS.flatMap((f) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(f) ? f : `["${f}"]`;
  const dot = key.startsWith("[") ? "" : ".";
  return [key, `*${dot}${key}`, `*.*${dot}${key}`, `*.*.*${dot}${key}`];
});

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A bearer token or JWT quoted in a message.
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

export const scrubText = (s: string): string => s.replace(EMAIL, "[email]").replace(JWT, "[token]");

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrubText(value);
  // Serializers run after this formatter: an Error is still an Error here, with nothing enumerable to mask.
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return scrub({ type: e.name, code: e.code, message: e.message, stack: e.stack }, depth + 1);
  }
  if (depth > 4 || value === null || typeof value !== "object") return value;
  // Only plain data is copied: requests, replies and other objects with serializers are theirs to render.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // An error keeps its type, code and where it happened; its message passes through the email mask below.
      err: (err: { name?: string; type?: string; code?: unknown; message?: string; stack?: string }) => ({
        type: err.type ?? err.name,
        code: err.code,
        message: err.message,
        stack: err.stack,
      }),
    },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: { log: (object) => scrub(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
}

// An id given by a caller (App Service's front end, a client retrying) is kept when it is plainly an id.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Every request gets an id, logged on each of its lines as `requestId` and echoed as `x-request-id`. */
export const requestIdOptions = {
  requestIdHeader: false,
  logController: new LogController({ requestIdLogLabel: "requestId" }),
  genReqId: (req: IncomingMessage) => {
    const given = req.headers["x-request-id"];
    return typeof given === "string" && SAFE_ID.test(given) ? given : randomUUID();
  },
} satisfies Pick<FastifyServerOptions, "requestIdHeader" | "logController" | "genReqId">;

export function registerRequestIds(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
