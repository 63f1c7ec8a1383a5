import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { z } from "zod";
import { ZIntakeQuery, ZLookupQuery } from "../../../contracts/api.js";
import { logComplaintFromEmail } from "../../app/log-complaint-from-email.js";
import { lookupEmail } from "../../app/lookup-email.js";
import { caseView } from "../../domain/access.js";
import { AppError } from "../../domain/app-error.js";
import type { Actor } from "../../domain/roles.js";
import type { EmailEnvelopeReader } from "../../ports/email-parser.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { presentCase } from "../presenters.js";
import { passBodiesAsStreams, type StreamedUpload, streamToTempFile } from "../upload.js";
import { validate } from "../validate.js";

const EMAIL_TYPES = ["message/rfc822", "application/octet-stream"];

export function registerIntakeRoutes(app: FastifyInstance, ctx: HttpContext): void {
  void app.register(async (raw) => {
    passBodiesAsStreams(raw);
    registerEmailIntakeRoute(raw, ctx);
  });

  /** GET /api/intake/lookup — is this email (or its conversation) already logged? Status only, for anyone signed in. */
  app.get("/api/intake/lookup", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZLookupQuery, request.query);
    const found = await lookupEmail({ deps: ctx.deps, actor, ...query });
    const now = ctx.deps.clock.now();
    return { cases: found.map((c) => presentCase("status", c, now)) };
  });
}

function registerEmailIntakeRoute(app: FastifyInstance, ctx: HttpContext): void {
  /** POST /api/intake/email — log a complaint from a raw email (DESIGN.md §4). */
  app.post("/api/intake/email", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
    if (!type || !EMAIL_TYPES.includes(type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the raw email with Content-Type: message/rfc822.");
    }
    const query = validate(ZIntakeQuery, request.query);
    const length = request.headers["content-length"];
    const envelope = ctx.deps.emailEnvelope();
    const upload = await streamToTempFile({
      body: request.body as Readable,
      tempPath: ctx.deps.blobs.tempPath(),
      maxBytes: ctx.config.intakeMaxBytes,
      declaredLength: length ? Number(length) : undefined,
      // The headers are read as the bytes pass: the file is not read again before the case is logged.
      observe: (chunk) => envelope.update(chunk),
    });
    return logEmailAndAnswer({ reply, ctx, actor, query, upload, envelope });
  });
}

/**
 * The shared end of both intake routes (raw .eml and the add-in's parts): log the uploaded email with the query's
 * options and answer 201 for a new case, 200 with the case it already belongs to.
 */
export async function logEmailAndAnswer(options: {
  reply: FastifyReply;
  ctx: HttpContext;
  actor: Actor;
  /** Validated before the body is read, so a bad query never waits for a large upload. */
  query: z.infer<typeof ZIntakeQuery>;
  upload: StreamedUpload;
  envelope: EmailEnvelopeReader;
}): Promise<FastifyReply> {
  const { reply, ctx, actor, query, upload, envelope } = options;
  const result = await logComplaintFromEmail({
    deps: ctx.deps,
    actor,
    upload,
    readEnvelope: () => envelope.finish(),
    receivedAt: query.receivedAt ? new Date(query.receivedAt) : undefined,
    conversationId: query.conversationId,
    relationship: query.relationship,
    note: query.note,
    suggestedCategory: query.suggestedCategory,
  });
  return reply
    .status(result.created ? 201 : 200)
    .header("location", `/api/cases/${result.case.id}`)
    .send({
      case: presentCase(caseView(actor, result.case) === "full" ? "full" : "status", result.case, ctx.deps.clock.now()),
    });
}
