/**
 * The satisfaction survey, public (no sign-in: the unguessable link in the outcome letter is the only key):
 * `GET|POST /api/public/survey/:token` as JSON, and `/survey/:token` as a plain HTML page with a form. Rate-limited
 * per route and per address, in its own plugin scope so it does not touch other routes' limits.
 */
import type { Readable } from "node:stream";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ZSurveyAnswersRequest } from "../../../contracts/api.js";
import { answerSurvey } from "../../app/answer-survey.js";
import { getSurvey } from "../../app/get-survey.js";
import { AppError, isAppError } from "../../domain/app-error.js";
import { SURVEY_QUESTIONS } from "../../domain/governance/survey.js";
import type { HttpContext } from "../context.js";
import { publicRateLimit } from "../public-rate-limit.js";
import { SURVEY_PAGE_CSP, surveyFormPage, surveyMessagePage } from "../survey-page.js";
import { jsonBody, validate } from "../validate.js";

/** base64url of 32 random bytes is 43 characters; anything else is not one of ours. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const READ_LIMIT = { max: 60, timeWindow: "1 minute" };
const WRITE_LIMIT = { max: 10, timeWindow: "1 minute" };
const FORM_MAX_BYTES = 4096;

function checkToken(token: string): string {
  if (!TOKEN.test(token))
    throw new AppError("NOT_FOUND", "This survey link is not valid. Check the link in your letter.");
  return token;
}

async function readForm(body: unknown): Promise<Record<string, unknown>> {
  const stream = body as Readable | undefined;
  if (typeof stream?.on !== "function") return {};
  let text = "";
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.length > FORM_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The form is too large.");
  }
  const form = new URLSearchParams(text);
  const out: Record<string, unknown> = {};
  for (const q of SURVEY_QUESTIONS) {
    const value = form.get(q.id);
    if (value !== null) out[q.id] = q.kind === "score" ? Number(value) : value;
  }
  return out;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", SURVEY_PAGE_CSP)
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .send(body);

export function registerPublicSurveyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { deps } = ctx;
  void app.register(async (scope) => {
    await scope.register(rateLimit, publicRateLimit(ctx, "survey answers"));

    /** GET /api/public/survey/:token — the questions, and whether it is already answered. */
    scope.get<{ Params: { token: string } }>(
      "/api/public/survey/:token",
      { config: { rateLimit: READ_LIMIT } },
      async (request, reply) => {
        const state = await getSurvey({ deps, token: checkToken(request.params.token) });
        reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
        return { survey: { answered: state.answered, questions: SURVEY_QUESTIONS } };
      },
    );

    /** POST /api/public/survey/:token — the answers; once per case (409 ILLEGAL_TRANSITION after that). */
    scope.post<{ Params: { token: string } }>(
      "/api/public/survey/:token",
      { config: { rateLimit: WRITE_LIMIT } },
      async (request, reply) => {
        const token = checkToken(request.params.token);
        const answers = jsonBody(request, ZSurveyAnswersRequest);
        await answerSurvey({ deps, token, answers });
        return reply.status(201).send({ answered: true });
      },
    );

    /** GET /survey/:token — the page the letter links to. */
    scope.get<{ Params: { token: string } }>(
      "/survey/:token",
      { config: { rateLimit: READ_LIMIT } },
      async (request, reply) => {
        const policy = await deps.policy.current();
        try {
          const state = await getSurvey({ deps, token: checkToken(request.params.token) });
          if (state.answered) {
            return html(reply, 200, surveyMessagePage("Thank you", "This survey has already been answered."));
          }
        } catch (error) {
          if (isAppError(error) && error.code === "NOT_FOUND") {
            return html(reply, 404, surveyMessagePage("Survey not found", error.userMessage));
          }
          throw error;
        }
        return html(
          reply,
          200,
          surveyFormPage({ organisationName: policy.organisationName, action: `/survey/${request.params.token}` }),
        );
      },
    );

    /** POST /survey/:token — the page's form (application/x-www-form-urlencoded). */
    scope.post<{ Params: { token: string } }>(
      "/survey/:token",
      { config: { rateLimit: WRITE_LIMIT } },
      async (request, reply) => {
        const policy = await deps.policy.current();
        const token = request.params.token;
        try {
          const answers = validate(ZSurveyAnswersRequest, await readForm(request.body));
          await answerSurvey({ deps, token: checkToken(token), answers });
          return html(
            reply,
            201,
            surveyMessagePage(
              "Thank you",
              "Your answers have been received. They help us improve how we handle complaints.",
            ),
          );
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.code === "VALIDATION_FAILED") {
            const page = surveyFormPage({
              organisationName: policy.organisationName,
              action: `/survey/${token}`,
              error: "Please answer every question, then send your answers again.",
            });
            return html(reply, 422, page);
          }
          if (error.code === "ILLEGAL_TRANSITION") {
            return html(reply, 409, surveyMessagePage("Thank you", "This survey has already been answered."));
          }
          if (error.code === "NOT_FOUND")
            return html(reply, 404, surveyMessagePage("Survey not found", error.userMessage));
          throw error;
        }
      },
    );
  });
}
