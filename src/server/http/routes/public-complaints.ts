/**
 * The only unauthenticated API (DESIGN §4): the public complaint form. GET /complain is the page (it works without
 * JavaScript: the form posts form-encoded and gets a page back); GET /api/public/complaint-form gives a script the
 * same token and procedure; POST /api/public/complaints logs the complaint.
 *
 * Defences, in the order a request meets them: a per-address rate limit (before the body is read), a small body
 * limit, a hidden field people never fill (the honeypot), a signed token that proves the form was fetched at least
 * a few seconds earlier, and zod on every field.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { PUBLIC_FORM_LIMITS, type TPublicComplaint, ZPublicComplaint } from "../../../contracts/settings.js";
import { logPublicComplaint } from "../../app/log-public-complaint.js";
import { AppError } from "../../domain/app-error.js";
import { completeSettings, type Settings } from "../../domain/settings.js";
import { PUBLIC_API_PREFIX } from "../auth.js";
import type { HttpContext } from "../context.js";
import { COMPLAIN_PAGE_CSP, type FormState, renderComplainPage, renderThanksPage } from "../public/complain-page.js";
import { type FormTokenCheck, FormTokens } from "../public/form-token.js";
import { publicRateLimit } from "../public-rate-limit.js";
import { validate } from "../validate.js";

/** Every field at its longest, form-encoded (each character up to 9 bytes as %XX of UTF-8), and some room. */
const BODY_LIMIT = 64 * 1024;
const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

const SPAM_WORDS: Record<Exclude<FormTokenCheck, "ok">, string> = {
  "too-fast":
    "The form was sent a moment after it opened, faster than a person can write. Wait a few seconds, then send it again.",
  expired: "This form was opened a long time ago. Send it again: what you wrote is kept below.",
  invalid: "This form could not be checked. Send it again from this page: what you wrote is kept below.",
};

export function registerPublicComplaintRoutes(app: FastifyInstance, ctx: HttpContext): void {
  let tokens: Promise<FormTokens> | null = null;
  const formTokens = () => {
    tokens ??= ctx.deps.store
      .getOrCreateSecret("public-form-key", FormTokens.newKey)
      .then((key) => new FormTokens(Buffer.from(key, "base64url"), ctx.config.publicForm.minFillMs));
    tokens.catch(() => {
      tokens = null;
    });
    return tokens;
  };
  const settings = async (): Promise<Settings> => completeSettings(await ctx.deps.policy.current());

  app.get("/complain", async (_request, reply) => {
    const token = (await formTokens()).issue(ctx.deps.clock.now());
    return sendPage(reply, 200, renderComplainPage(await settings(), token));
  });

  // Encapsulated: the rate limit and the form-encoded parser apply to these routes only.
  app.register(async (scope) => {
    await scope.register(rateLimit, publicRateLimit(ctx, "complaints"));
    scope.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    /** GET /api/public/complaint-form — a form token and the timescales, for a page that sends JSON. */
    scope.get(
      `${PUBLIC_API_PREFIX}complaint-form`,
      { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
      async (_request, reply) => {
        const s = await settings();
        reply.header("cache-control", "no-store");
        return {
          formToken: (await formTokens()).issue(ctx.deps.clock.now()),
          limits: PUBLIC_FORM_LIMITS,
          procedure: {
            organisationName: s.organisationName,
            complaintsEmail: s.complaintsEmail,
            acknowledgeWorkingDays: s.acknowledgeWorkingDays,
            responseWorkingDays: s.responseWorkingDays,
            appealWindowWorkingDays: s.appealWindowWorkingDays,
            appealResponseWorkingDays: s.appealResponseWorkingDays,
            awardingOrganisations: s.awardingOrganisations.map((ao) => ({ ...ao })),
          },
        };
      },
    );

    /** POST /api/public/complaints — JSON answers 201 `{ complaint }`; the form-encoded page answers a page. */
    scope.post(
      `${PUBLIC_API_PREFIX}complaints`,
      {
        bodyLimit: BODY_LIMIT,
        config: { rateLimit: { max: ctx.config.publicForm.perHour, timeWindow: "1 hour" } },
      },
      async (request, reply) => {
        const asPage = (request.headers["content-type"] ?? "").toLowerCase().startsWith(FORM_CONTENT_TYPE);
        const raw = readBody(request, asPage);
        const now = ctx.deps.clock.now();
        const check: FormTokenCheck =
          typeof raw.website === "string" && raw.website.trim() !== ""
            ? "invalid"
            : (await formTokens()).check(typeof raw.formToken === "string" ? raw.formToken : "", now);
        if (check !== "ok") {
          const error = new AppError("FORM_NOT_ACCEPTED", SPAM_WORDS[check]);
          if (!asPage) throw error;
          return refusePage(reply, 422, { values: textValues(raw), fieldErrors: {}, problem: error.userMessage });
        }
        let form: TPublicComplaint;
        try {
          form = validate(ZPublicComplaint, raw);
        } catch (error) {
          if (!asPage || !(error instanceof AppError)) throw error;
          const issues = (error.details as { issues?: Array<{ path: string[]; message: string }> }).issues ?? [];
          const fieldErrors = Object.fromEntries(issues.map((i) => [i.path[0] ?? "form", i.message]));
          return refusePage(reply, 422, {
            values: textValues(raw),
            fieldErrors,
            problem: "Some answers need a change: see the notes beside them.",
          });
        }
        const created = await logPublicComplaint({ deps: ctx.deps, form });
        const complaint = {
          reference: created.reference,
          acknowledgeDueDate: created.acknowledgeDueDate,
          responseDueDate: created.responseDueDate,
        };
        if (asPage) return sendPage(reply, 201, renderThanksPage(await settings(), complaint));
        return reply.status(201).send({ complaint });
      },
    );

    async function refusePage(reply: FastifyReply, status: number, state: FormState): Promise<FastifyReply> {
      const token = (await formTokens()).issue(ctx.deps.clock.now());
      return sendPage(reply, status, renderComplainPage(await settings(), token, state));
    }
  });
}

function readBody(request: FastifyRequest, asPage: boolean): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) throw new AppError("VALIDATION_FAILED", "The form arrived empty.");
  if (!asPage && !(request.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as JSON or as a web form.");
  }
  if (typeof body !== "object" || Array.isArray(body))
    throw new AppError("VALIDATION_FAILED", "The form is not readable.");
  return body as Record<string, unknown>;
}

/** What the visitor typed, to put back in the form: nothing they wrote is lost on a refusal. */
function textValues(raw: Record<string, unknown>): Record<string, string> {
  const keep = ["name", "email", "relationship", "whatHappened", "whatTheyWant"];
  return Object.fromEntries(keep.flatMap((k) => (typeof raw[k] === "string" ? [[k, raw[k] as string]] : [])));
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header("Content-Security-Policy", COMPLAIN_PAGE_CSP)
    .header("X-Content-Type-Options", "nosniff")
    .header("Referrer-Policy", "no-referrer")
    .header("Cache-Control", "no-store")
    .type("text/html; charset=utf-8")
    .send(html);
}
