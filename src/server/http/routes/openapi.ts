import type { FastifyInstance } from "fastify";
import { z } from "zod";
import * as api from "../../../contracts/api.js";
import { ZBoardColumnsResponse, ZBoardHeadResponse } from "../../../contracts/board-columns-schema.js";
import { ERROR_CODES } from "../../../contracts/error-codes.js";
import * as outlook from "../../../contracts/outlook.js";
import { auditOpenApiPaths } from "./audit.js";
import { GOVERNANCE_PATHS } from "./governance-openapi.js";
import { governancePaths } from "./meetings-openapi.js";
import { TRANSITION_ROUTES } from "./transitions.js";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const jsonBody = (schema: z.ZodType) => ({
  required: false,
  content: { "application/json": { schema: json(schema) } },
});
const caseResponse = {
  description: "The case as the caller may see it",
  content: { "application/json": { schema: { type: "object", properties: { case: { type: "object" } } } } },
};
const READYZ_BODY = {
  type: "object",
  properties: {
    status: { enum: ["ready", "not-ready"] },
    mode: { enum: ["embedded", "microsoft365"] },
    checks: {
      type: "array",
      items: {
        type: "object",
        properties: {
          name: { type: "string" },
          ok: { type: "boolean" },
          ms: { type: "number" },
          detail: { type: "object" },
        },
        required: ["name", "ok", "ms", "detail"],
      },
    },
  },
  required: ["status", "checks"],
};
const READYZ_RESPONSES = {
  200: { description: "Ready", content: { "application/json": { schema: READYZ_BODY } } },
  503: {
    description: "Not ready: the failing checks say why",
    content: { "application/json": { schema: READYZ_BODY } },
  },
};
const errors = { default: { $ref: "#/components/responses/Error" } };

function queryParameters(schema: z.ZodObject) {
  const js = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The API description, built from the same zod schemas that validate requests: it cannot drift from the code. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    "/api/dev/token": {
      post: {
        summary: "Embedded mode only: a token for a persona.",
        requestBody: jsonBody(api.ZDevTokenRequest),
        responses: { 200: { description: "{ accessToken }" }, ...errors },
      },
    },
    "/api/intake/email": {
      post: {
        summary:
          "Log a complaint from a raw email (message/rfc822, streamed; 150 MB by default). Same Message-ID again answers 200 with the existing case.",
        parameters: queryParameters(api.ZIntakeQuery),
        requestBody: {
          required: true,
          content: { "message/rfc822": { schema: { type: "string", format: "binary" } } },
        },
        responses: { 201: caseResponse, 200: caseResponse, ...errors },
      },
    },
    "/api/intake/lookup": {
      get: {
        summary: "Whether an email or its conversation is already logged: reference, stage and due date only.",
        parameters: [
          { name: "messageId", in: "query", schema: { type: "string" } },
          { name: "conversationId", in: "query", schema: { type: "string" } },
        ],
        responses: { 200: { description: "{ cases: [...] }" }, ...errors },
      },
    },
    "/api/intake/email-parts": {
      post: {
        summary:
          "As /api/intake/email, from the parts Office.js gives before Mailbox 1.14 (headers, body, attachments in base64); the server assembles the message.",
        parameters: queryParameters(api.ZIntakeQuery),
        requestBody: { ...jsonBody(outlook.ZEmailParts), required: true },
        responses: { 201: caseResponse, 200: caseResponse, ...errors },
      },
    },
    "/api/intake/outlook-item": {
      post: {
        summary:
          "As /api/intake/email, for Outlook clients before Mailbox 1.14: the add-in names the item (its REST id, and the shared mailbox it is in) and the server reads its exact .eml through Microsoft Graph on the caller's behalf (Mail.Read; Mail.Read.Shared). MAILBOX_UNREADABLE (502) when Graph refuses: send the parts instead.",
        parameters: queryParameters(api.ZIntakeQuery),
        requestBody: { ...jsonBody(outlook.ZOutlookItemRef), required: true },
        responses: { 201: caseResponse, 200: caseResponse, ...errors },
      },
    },
    "/api/intake/complainant-cases": {
      get: {
        summary: "Open cases from this sender that the caller may see (for Add to case).",
        parameters: queryParameters(outlook.ZComplainantCasesQuery),
        responses: { 200: { description: "{ cases: [...] }" }, ...errors },
      },
    },
    "/api/cases/{id}/emails": {
      post: {
        summary:
          "Add a later email to a case (message/rfc822, the parts as JSON, or an Outlook item the server reads through Graph). 201 when added, 200 when it was already there.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          ...queryParameters(outlook.ZAddEmailQuery),
        ],
        requestBody: {
          required: true,
          content: {
            "message/rfc822": { schema: { type: "string", format: "binary" } },
            "application/json": { schema: json(outlook.ZEmailParts) },
            [outlook.OUTLOOK_ITEM_MEDIA_TYPE]: { schema: json(outlook.ZOutlookItemRef) },
          },
        },
        responses: { 201: caseResponse, 200: caseResponse, ...errors },
      },
    },
    "/api/cases": {
      get: {
        summary: "Cases the caller may see, newest first.",
        parameters: queryParameters(api.ZCaseListQuery),
        responses: { 200: { description: "{ cases, nextCursor }" }, ...errors },
      },
      post: {
        summary: "Log a complaint received in writing (post) or by the web form.",
        requestBody: { ...jsonBody(api.ZCreateCaseRequest), required: true },
        responses: { 201: caseResponse, ...errors },
      },
    },
    "/api/board": {
      get: {
        summary:
          "The tab's board: every card the caller may see (the same filters as /api/cases), as columns, gzip or br compressed when accepted. The same cards as /api/cases/board; recorded as one listing read.",
        parameters: queryParameters(api.ZCaseBoardQuery),
        responses: {
          200: {
            description: "The cards as columns",
            content: { "application/json": { schema: json(ZBoardColumnsResponse) } },
          },
          ...errors,
        },
      },
    },
    "/api/board/head": {
      get: {
        summary:
          "The top of the tab's board, for its first paint: the newest cards of each column (as /api/board) with the full board's total and column counts. Only the cards sent are recorded as read.",
        responses: {
          200: {
            description: "The first cards and the counts",
            content: { "application/json": { schema: json(ZBoardHeadResponse) } },
          },
          ...errors,
        },
      },
    },
    "/api/cases/{id}": {
      get: {
        summary: "One case with documents and timeline (404 when not visible).",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: caseResponse, ...errors },
      },
    },
    "/api/cases/{id}/documents": {
      post: {
        summary: "Add a document; the file is the body.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          ...queryParameters(api.ZDocumentUploadQuery),
        ],
        requestBody: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        responses: { 201: caseResponse, ...errors },
      },
    },
    "/api/cases/{id}/documents/{documentId}/content": {
      get: {
        summary: "Download a document.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "documentId", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: { 200: { description: "The bytes" }, ...errors },
      },
    },
    "/healthz": { get: { summary: "Health.", responses: { 200: { description: "{ status }" } } } },
    ...GOVERNANCE_PATHS,
    "/readyz": { get: { summary: "Readiness: database, outbox, Graph.", security: [], responses: READYZ_RESPONSES } },
  };
  Object.assign(paths, governancePaths());
  for (const r of TRANSITION_ROUTES) {
    const path = `/api/cases/{id}/${r.path.replace(":actionId", "{actionId}")}`;
    const parameters = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
    if (r.path.includes(":actionId"))
      parameters.push({ name: "actionId", in: "path", required: true, schema: { type: "string" } });
    paths[path] = {
      post: {
        summary: r.summary,
        parameters,
        requestBody: jsonBody(r.body),
        responses: { 200: caseResponse, ...errors },
      },
    };
  }
  Object.assign(paths, auditOpenApiPaths(json));
  return {
    openapi: "3.1.0",
    info: {
      title: "Redress API",
      version: "1.0.0",
      description: "Complaints handling for CMS Vocational Training Ltd.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      responses: {
        Error: {
          description:
            "An error: 400 malformed, 401, 403, 404 unknown or not visible, 409 illegal transition, 413, 415, 422 invalid fields.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: { code: { enum: [...ERROR_CODES] }, message: { type: "string" }, details: {} },
                    required: ["code", "message"],
                  },
                },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = buildOpenApi();
  app.get("/api/openapi.json", async () => document);
}
