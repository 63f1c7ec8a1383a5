import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ZDocumentUploadQuery } from "../../../contracts/api.js";
import { addCaseDocument } from "../../app/add-case-document.js";
import { assertMayEverTake } from "../../app/change-case.js";
import { readCaseDocument } from "../../app/read-case-document.js";
import { AppError } from "../../domain/app-error.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { presentCase, presentDocument } from "../presenters.js";
import { passBodiesAsStreams, streamToTempFile } from "../upload.js";
import { validate } from "../validate.js";

export function registerDocumentRoutes(app: FastifyInstance, ctx: HttpContext): void {
  void app.register(async (raw) => {
    passBodiesAsStreams(raw);
    registerDocumentRoutesRaw(raw, ctx);
  });
}

function registerDocumentRoutesRaw(app: FastifyInstance, ctx: HttpContext): void {
  /**
   * POST /api/cases/:id/documents?name=letter.pdf&kind=evidence — the file itself is the body (any content type
   * but JSON), streamed to disk.
   */
  app.post<{ Params: { id: string } }>("/api/cases/:id/documents", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    assertMayEverTake(actor, "add-document");
    const query = validate(ZDocumentUploadQuery, request.query);
    const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() || "application/octet-stream";
    if (type === "application/json" || typeof (request.body as Readable | undefined)?.pipe !== "function") {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file itself as the body, with its own Content-Type.");
    }
    const length = request.headers["content-length"];
    const upload = await streamToTempFile({
      body: request.body as Readable,
      tempPath: ctx.deps.blobs.tempPath(),
      maxBytes: ctx.config.documentMaxBytes,
      declaredLength: length ? Number(length) : undefined,
    });
    const result = await addCaseDocument({
      deps: ctx.deps,
      actor,
      caseId: request.params.id,
      name: query.name,
      kind: query.kind,
      contentType: type,
      upload,
    });
    return reply.status(201).send({
      case: presentCase("full", result.case, ctx.deps.clock.now()),
      document: presentDocument(result.document),
    });
  });

  /** GET /api/cases/:id/documents/:documentId/content — the bytes, for those who may see the case. */
  app.get<{ Params: { id: string; documentId: string } }>(
    "/api/cases/:id/documents/:documentId/content",
    async (request, reply) => {
      const actor = await authenticate(request, ctx.verifier);
      const { document, content } = await readCaseDocument({
        deps: ctx.deps,
        actor,
        caseId: request.params.id,
        documentId: request.params.documentId,
      });
      // Served as a download, never rendered in our origin: an attachment may be hostile HTML.
      return reply
        .header(
          "content-type",
          document.contentType === "message/rfc822" ? "message/rfc822" : "application/octet-stream",
        )
        .header("content-length", String(document.size))
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(content);
    },
  );
}
