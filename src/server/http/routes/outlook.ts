/**
 * Routes the Outlook add-in needs beyond the core intake (DESIGN.md §4):
 * - POST /api/cases/{id}/emails — a later email for a case, as message/rfc822 (or its parts as JSON, see below);
 * - POST /api/intake/email-parts — log a complaint from the parts Office.js gives before Mailbox 1.14;
 * - GET /api/intake/complainant-cases?from= — open cases from this sender that the caller may see.
 *
 * The JSON parts form exists because older Outlook clients cannot hand over the .eml (`getAsFileAsync` is Mailbox
 * 1.14): the add-in sends the item's headers, body and each attachment's content, and the server assembles a
 * message from them (src/server/adapters/email/assemble-message.ts), which then goes through the same intake.
 * Where Graph is available the add-in first names the item instead (ZOutlookItemRef) and the server reads the exact
 * .eml on the person's behalf; the parts stay the last resort.
 */
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ZIntakeQuery } from "../../../contracts/api.js";
import {
  OUTLOOK_ITEM_MEDIA_TYPE,
  ZAddEmailQuery,
  ZComplainantCasesQuery,
  ZEmailParts,
  ZOutlookItemRef,
} from "../../../contracts/outlook.js";
import { assembleMessage } from "../../adapters/email/assemble-message.js";
import { addEmailToCase } from "../../app/add-email-to-case.js";
import { findComplainantCases } from "../../app/find-complainant-cases.js";
import { AppError } from "../../domain/app-error.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { presentCase } from "../presenters.js";
import { passBodiesAsStreams, type StreamedUpload, streamToTempFile } from "../upload.js";
import { validate } from "../validate.js";
import { logEmailAndAnswer } from "./intake.js";

const EMAIL_TYPES = ["message/rfc822", "application/octet-stream"];

export function registerOutlookRoutes(app: FastifyInstance, ctx: HttpContext): void {
  void app.register(async (raw) => {
    passBodiesAsStreams(raw);
    registerUploadRoutes(raw, ctx);
  });

  app.get("/api/intake/complainant-cases", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZComplainantCasesQuery, request.query);
    const found = await findComplainantCases({ deps: ctx.deps, actor, from: query.from });
    const now = ctx.deps.clock.now();
    return { cases: found.map((v) => presentCase(v.view, v.case, now)) };
  });
}

const mediaType = (request: FastifyRequest): string | undefined =>
  request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();

/** The message as a temporary file: the raw bytes streamed, or assembled from JSON parts. */
async function messageUpload(
  request: FastifyRequest,
  ctx: HttpContext,
  /** Sees the bytes as they pass, e.g. the envelope reader, so the file is not read again. */
  observe?: (chunk: Buffer) => void,
): Promise<StreamedUpload> {
  const type = mediaType(request);
  const maxBytes = ctx.config.intakeMaxBytes;
  if (type === OUTLOOK_ITEM_MEDIA_TYPE) return readFromMailbox(request, ctx, observe);
  if (type === "application/json") {
    const parts = validate(ZEmailParts, await readJson(request.body as Readable, partsLimit(maxBytes)));
    return streamToTempFile({
      body: Readable.from([assembleMessage(parts)]),
      tempPath: ctx.deps.blobs.tempPath(),
      maxBytes,
      ...(observe ? { observe } : {}),
    });
  }
  if (!type || !EMAIL_TYPES.includes(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the raw email with Content-Type: message/rfc822, or its parts as application/json.",
    );
  }
  const length = request.headers["content-length"];
  return streamToTempFile({
    body: request.body as Readable,
    tempPath: ctx.deps.blobs.tempPath(),
    maxBytes,
    declaredLength: length ? Number(length) : undefined,
    ...(observe ? { observe } : {}),
  });
}

/**
 * The exact .eml of the named Outlook item, read through Graph with the caller's own token (on-behalf-of): the
 * caller can only ever hand in mail they may read themselves. Streamed to a temporary file like a raw upload.
 */
async function readFromMailbox(
  request: FastifyRequest,
  ctx: HttpContext,
  observe?: (chunk: Buffer) => void,
): Promise<StreamedUpload> {
  const ref = validate(ZOutlookItemRef, await readJson(request.body as Readable, 16 * 1024));
  if (!ctx.mailboxReader) {
    throw new AppError("NOT_AVAILABLE", "This Redress server cannot read mailboxes: send the email itself.");
  }
  const userToken = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
  const body = await ctx.mailboxReader.openMessage({ userToken, itemId: ref.itemId, mailbox: ref.mailbox ?? null });
  return streamToTempFile({
    body,
    tempPath: ctx.deps.blobs.tempPath(),
    maxBytes: ctx.config.intakeMaxBytes,
    ...(observe ? { observe } : {}),
  });
}

/** Base64 makes content a third larger; a megabyte more for headers and JSON. */
const partsLimit = (maxBytes: number): number => Math.ceil((maxBytes * 4) / 3) + 1024 * 1024;

async function readJson(body: Readable, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `This email is larger than the ${Math.floor(limit / 1024 / 1024)} MB allowed.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("MALFORMED_REQUEST", "The request body is not valid JSON.");
  }
}

function registerUploadRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** POST /api/cases/:id/emails — add a later email to a case; answers with what the caller may see of it. */
  app.post<{ Params: { id: string } }>("/api/cases/:id/emails", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZAddEmailQuery, request.query);
    const upload = await messageUpload(request, ctx);
    const result = await addEmailToCase({
      deps: ctx.deps,
      actor,
      caseId: request.params.id,
      upload,
      conversationId: query.conversationId,
      receivedAt: query.receivedAt ? new Date(query.receivedAt) : undefined,
    });
    return reply
      .status(result.added ? 201 : 200)
      .send({ case: presentCase(result.view, result.case, ctx.deps.clock.now()), added: result.added });
  });

  /** POST /api/intake/outlook-item — as POST /api/intake/email, the .eml read through Graph (Mailbox < 1.14). */
  app.post("/api/intake/outlook-item", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    const type = mediaType(request);
    if (type !== "application/json" && type !== OUTLOOK_ITEM_MEDIA_TYPE) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the Outlook item's id as JSON (Content-Type: application/json).",
      );
    }
    const query = validate(ZIntakeQuery, request.query);
    const envelope = ctx.deps.emailEnvelope();
    const upload = await readFromMailbox(request, ctx, (chunk) => envelope.update(chunk));
    return logEmailAndAnswer({ reply, ctx, actor, query, upload, envelope });
  });

  /** POST /api/intake/email-parts — as POST /api/intake/email, from the message's parts (Mailbox < 1.14). */
  app.post("/api/intake/email-parts", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    if (mediaType(request) !== "application/json") {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the message's parts as JSON (Content-Type: application/json).",
      );
    }
    const query = validate(ZIntakeQuery, request.query);
    const envelope = ctx.deps.emailEnvelope();
    const upload = await messageUpload(request, ctx, (chunk) => envelope.update(chunk));
    return logEmailAndAnswer({ reply, ctx, actor, query, upload, envelope });
  });
}
